package dev.kpp.app.ui.common;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Wrapped sentences with an icon each (warnings, assumptions, notes), bound to an observable list.
 * The list hides itself, and the {@link #setSection section} it belongs to, while it is empty.
 */
public final class MessageList extends VBox {
    private ObservableList<String> items;
    private final ListChangeListener<String> listener = c -> rebuild();
    private String icon = "fth-alert-triangle";
    private javafx.scene.Node section = this;

    public MessageList() {
        getStyleClass().add("message-list");
        setSpacing(6);
    }

    /** @param iconLiteral the Ikonli icon before each sentence */
    public void setIcon(String iconLiteral) {
        this.icon = iconLiteral;
        if (items != null) {
            rebuild();
        }
    }

    /** @param node the node shown only while the list has items (its section, title included) */
    public void setSection(javafx.scene.Node node) {
        this.section = node;
        if (items != null) {
            rebuild();
        }
    }

    /** Binds the sentences to a list (replacing any earlier binding). */
    public void setItems(ObservableList<String> list) {
        if (items != null) {
            items.removeListener(listener);
        }
        items = list;
        items.addListener(listener);
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (String s : items) {
            Label l = new Label(s, new FontIcon(icon));
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("message-item");
            getChildren().add(l);
        }
        section.setVisible(!items.isEmpty());
        section.setManaged(!items.isEmpty());
    }
}
