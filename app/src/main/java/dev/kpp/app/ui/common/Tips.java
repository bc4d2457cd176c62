package dev.kpp.app.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * Tooltips made when the pointer first enters their node (docs/adr/0106). The window shows about a hundred of
 * them, and the first {@link Tooltip} made (a popup window with its own scene and style) took about 7% of the
 * JavaFX thread's work before the first frame; none is needed until the user hovers. From FXML, as a static
 * property: {@code <Button Tips.text="%toolbar.open.tooltip"/>} (with {@code <?import dev.kpp.app.ui.common.Tips?>}).
 */
public final class Tips {
    private static final String TEXT = "kpp.tip.text";
    private static final String HANDLER = "kpp.tip.handler";

    private Tips() {
    }

    /** Wrapped at {@code maxWidth}, shown after {@code delayMs}: the long explanations of inputs and metrics. */
    public static Consumer<Tooltip> wrapped(double maxWidth, double delayMs) {
        return tip -> {
            tip.setWrapText(true);
            tip.setMaxWidth(maxWidth);
            tip.setShowDelay(Duration.millis(delayMs));
        };
    }

    /** The FXML static property: a plain tooltip with this text. */
    public static void setText(Node node, String text) {
        install(node, text);
    }

    /** @return the text a {@link #setText} or {@link #install} gave the node, or null */
    public static String getText(Node node) {
        Object t = node.getProperties().get(TEXT);
        if (t instanceof ObservableValue<?> v) {
            return (String) v.getValue();
        }
        return (String) t;
    }

    /** A plain tooltip with this text, made on first hover. */
    public static void install(Node node, String text) {
        install(node, text, tip -> { });
    }

    /** A tooltip with this text, styled by {@code style} when it is made on first hover. */
    public static void install(Node node, String text, Consumer<Tooltip> style) {
        lazy(node, text, style);
    }

    /** A tooltip that follows {@code text}, made on first hover. */
    public static void install(Node node, ObservableValue<String> text, Consumer<Tooltip> style) {
        lazy(node, text, style);
    }

    private static void lazy(Node node, Object text, Consumer<Tooltip> style) {
        node.getProperties().put(TEXT, text);
        Object old = node.getProperties().remove(HANDLER);
        if (old instanceof EventHandler<?> h) {
            @SuppressWarnings("unchecked")
            EventHandler<MouseEvent> previous = (EventHandler<MouseEvent>) h;
            node.removeEventHandler(MouseEvent.MOUSE_ENTERED, previous);
        }
        EventHandler<MouseEvent> make = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                node.getProperties().remove(HANDLER);
                Tooltip tip = new Tooltip();
                if (text instanceof ObservableValue<?> v) {
                    @SuppressWarnings("unchecked")
                    ObservableValue<String> s = (ObservableValue<String>) v;
                    tip.textProperty().bind(s);
                } else {
                    tip.setText((String) text);
                }
                style.accept(tip);
                if (node instanceof Control c) {
                    c.setTooltip(tip);
                } else {
                    Tooltip.install(node, tip);
                }
            }
        };
        node.getProperties().put(HANDLER, make);
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, make);
    }
}
