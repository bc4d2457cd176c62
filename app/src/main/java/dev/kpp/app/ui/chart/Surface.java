package dev.kpp.app.ui.chart;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * What {@link ChartPainter} draws on: the window's canvas ({@link FxSurface}) or an SVG document
 * ({@link SvgSurface}). Coordinates are pixels from the top left; calls nest as a stack
 * ({@link #push}/{@link #pop}, {@link #clip}/{@link #unclip}).
 */
interface Surface {
    /** Horizontal text alignment. */
    enum HAlign { LEFT, CENTER, RIGHT }

    /** Vertical text alignment. */
    enum VAlign { TOP, CENTER, BOTTOM }

    /** Moves the origin (one chart of several in an export). */
    void push(double dx, double dy);

    /** Undoes the last {@link #push}. */
    void pop();

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    /** Undoes the last {@link #clip}. */
    void unclip();

    /** A straight line; {@code dashes} empty for a solid one. */
    void line(double x1, double y1, double x2, double y2, Color c, double width, double alpha, double... dashes);

    /** A polyline through the first {@code n} points. */
    void polyline(double[] xs, double[] ys, int n, Color c, double width);

    /** A filled polygon. */
    void fillPolygon(double[] xs, double[] ys, int n, Color c, double alpha);

    /** A polygon filled with diagonal hatching (a low-confidence band). */
    void hatchPolygon(double[] xs, double[] ys, int n, Color c, double alpha);

    /** A circle; {@code fill} or {@code stroke} may be null. */
    void circle(double cx, double cy, double r, Color fill, Color stroke, double width);

    /** A filled rectangle with rounded corners. */
    void roundRect(double x, double y, double w, double h, double radius, Color fill, double alpha);

    /** Text anchored at (x, y) as aligned. */
    void text(String s, double x, double y, double size, boolean bold, Color c, HAlign h, VAlign v);

    /** Text turned 90° counter-clockwise, centred on (x, y) (a y axis title). */
    void verticalText(String s, double x, double y, double size, Color c);

    /** @return the text, cut with an ellipsis to fit a width (at least one character is kept) */
    default String fit(String t, double width, double size, boolean bold) {
        if (textWidth(t, size, bold) <= width) {
            return t;
        }
        String cut = t;
        while (cut.length() > 1 && textWidth(cut + "…", size, bold) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** @return the width of text in the chart's font */
    default double textWidth(String s, double size, boolean bold) {
        Text t = new Text(s);
        t.setFont(font(size, bold));
        return t.getLayoutBounds().getWidth();
    }

    /** @return the chart's font (the platform's default family, so exports match the window) */
    static Font font(double size, boolean bold) {
        return Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }
}
