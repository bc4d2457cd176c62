package dev.kpp.app.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TextArea;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Wrapped text that reads like a label but can be selected and copied (mouse, Ctrl+C, context menu): a
 * read-only text area exactly as tall as its wrapped text, without a border or scroll bars. The wheel
 * over it scrolls the pane it sits in.
 */
public final class SelectableText extends TextArea {
    /** Pixels added to the measured height, so rounding never brings up a scroll bar. */
    private static final double SLACK = 4;
    /** The style classes every selectable text has (a text area's and its own). */
    public static final List<String> STYLE_CLASSES = List.of("text-input", "text-area", "selectable-text");
    private final Text measure = new Text();
    private double lastWrap = -1;
    private String lastText;
    private javafx.scene.text.Font lastFont;
    private double lastHeight;

    public SelectableText(String text) {
        super(text);
        getStyleClass().setAll(STYLE_CLASSES);
        setEditable(false);
        setWrapText(true);
        setFocusTraversable(false);
        setPrefRowCount(1);
        setMinHeight(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        textProperty().addListener(o -> requestLayout());
        fontProperty().addListener(o -> requestLayout());
        addEventFilter(ScrollEvent.SCROLL, e -> {
            Parent p = getParent();
            e.consume();
            if (p != null) {
                p.fireEvent(e.copyFor(p, p));
            }
        });
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** @return the padding around the text inside the area (the skin's content region), as the theme sets it */
    private Insets contentPadding() {
        Node content = lookup(".content");
        return content instanceof Region r ? r.getPadding() : Insets.EMPTY;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        Insets pad = contentPadding();
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        double wrap = Math.max(1, w - in.getLeft() - in.getRight() - pad.getLeft() - pad.getRight() - SLACK);
        String text = getText() == null || getText().isEmpty() ? " " : getText();
        // layout asks several times per pass; a paragraph's layout is worth remembering
        if (wrap != lastWrap || !text.equals(lastText) || getFont() != lastFont) {
            measure.setFont(getFont());
            measure.setText(text);
            measure.setWrappingWidth(wrap);
            measure.setLineSpacing(0);
            lastWrap = wrap;
            lastText = text;
            lastFont = getFont();
            lastHeight = Math.ceil(measure.getLayoutBounds().getHeight());
        }
        return lastHeight + in.getTop() + in.getBottom() + pad.getTop() + pad.getBottom() + SLACK;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets pad = contentPadding();
        measure.setFont(getFont());
        measure.setText(getText() == null ? "" : getText());
        measure.setWrappingWidth(0);
        return Math.ceil(measure.getLayoutBounds().getWidth()) + getInsets().getLeft() + getInsets().getRight()
                + pad.getLeft() + pad.getRight() + 2 * SLACK;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 40;
    }
}
