package dev.kpp.app.report.chart;

import java.awt.Color;

/**
 * What a chart draws on: a page area of a PDF, an SVG document or a PNG image. Coordinates are in
 * points from the top-left corner, y downwards; text is positioned by its baseline.
 */
public interface Canvas {
    /** How text sits on its anchor point. */
    enum Anchor {
        START, MIDDLE, END
    }

    /**
     * A line style.
     *
     * @param color the colour
     * @param width the width in points
     * @param dash  dash and gap lengths, empty for a solid line
     */
    record Stroke(Color color, double width, double... dash) {
        /** @return a solid line */
        public static Stroke solid(Color c, double width) {
            return new Stroke(c, width);
        }
    }

    /** Draws a straight line. */
    void line(double x1, double y1, double x2, double y2, Stroke stroke);

    /** Draws connected line segments through the first {@code n} points. */
    void polyline(double[] xs, double[] ys, int n, Stroke stroke);

    /** Fills a closed polygon with a colour at an opacity of {@code alpha} (0..1). */
    void fill(double[] xs, double[] ys, int n, Color color, double alpha);

    /** Draws a rectangle: filled when {@code fill} is not null, outlined when {@code stroke} is not null. */
    void rect(double x, double y, double w, double h, Color fill, Stroke stroke);

    /** Draws a circle: filled and/or outlined. */
    void circle(double cx, double cy, double r, Color fill, Stroke stroke);

    /** Draws one line of text with its baseline at {@code y}. */
    void text(double x, double y, String text, double size, boolean bold, Color color, Anchor anchor);

    /** Restricts drawing to a rectangle until {@link #unclip}. */
    void clip(double x, double y, double w, double h);

    /** Ends the last {@link #clip}. */
    void unclip();
}
