package dev.kpp.app.ui.common;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A compact list of label/value rows with optional proportion bars, bound to an observable list.
 * A label wraps, a value never breaks inside: a long value moves under its label instead.
 */
public final class KeyValueList extends VBox {
    /** Values longer than this go on their own line under the label. */
    static final int INLINE_VALUE_CHARS = 16;
    private ObservableList<KeyValue> items;
    private final ListChangeListener<KeyValue> listener = c -> rebuild();

    public KeyValueList() {
        getStyleClass().add("key-value-list");
        setSpacing(1);
    }

    /** Binds the rows to a list (replacing any earlier binding). */
    public void setItems(ObservableList<KeyValue> list) {
        if (items != null) {
            items.removeListener(listener);
        }
        items = list;
        items.addListener(listener);
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (KeyValue kv : items) {
            Label key = new Label(kv.key());
            key.getStyleClass().add("kv-key");
            key.setWrapText(true);
            // a one-word label never breaks inside the word ("Co/nte/xt"); longer ones wrap between words
            key.setMinWidth(kv.key().strip().contains(" ") ? 0 : Region.USE_PREF_SIZE);
            key.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(key, Priority.ALWAYS);
            Label value = new Label(kv.value());
            value.getStyleClass().add("kv-value");
            Tips.install(value, kv.key() + ": " + kv.value());
            Region row;
            if (kv.value().length() > INLINE_VALUE_CHARS) {
                value.setWrapText(true);
                value.setMaxWidth(Double.MAX_VALUE);
                value.setMinHeight(Region.USE_PREF_SIZE);
                value.getStyleClass().add("kv-value-stacked");
                VBox stacked = new VBox(0, key, value);
                stacked.getStyleClass().add("kv-row");
                row = stacked;
            } else {
                value.setMinWidth(Region.USE_PREF_SIZE);
                value.setWrapText(false);
                HBox inline = new HBox(8, key, value);
                inline.setAlignment(Pos.CENTER_LEFT);
                inline.getStyleClass().add("kv-row");
                row = inline;
            }
            if (kv.fraction() >= 0) {
                Region track = new Region();
                track.getStyleClass().add("kv-bar-track");
                Region bar = new Region();
                bar.getStyleClass().add("kv-bar");
                bar.maxWidthProperty().bind(track.widthProperty().multiply(Math.min(1, kv.fraction())));
                StackPane bars = new StackPane(track, bar);
                StackPane.setAlignment(bar, Pos.CENTER_LEFT);
                bars.getStyleClass().add("kv-bars");
                getChildren().add(new VBox(2, row, bars));
            } else {
                getChildren().add(row);
            }
        }
    }
}
