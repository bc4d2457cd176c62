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

/** A compact list of label/value rows with optional proportion bars, bound to an observable list. */
public final class KeyValueList extends VBox {
    private ObservableList<KeyValue> items;
    private final ListChangeListener<KeyValue> listener = c -> rebuild();

    public KeyValueList() {
        getStyleClass().add("key-value-list");
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
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(kv.value());
            value.getStyleClass().add("kv-value");
            value.setWrapText(true);
            value.setAlignment(Pos.CENTER_RIGHT);
            value.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(value, Priority.ALWAYS);
            HBox row = new HBox(8, key, value);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("kv-row");
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
