package dev.kpp.app.ui.chart;

import javafx.scene.paint.Color;
import javafx.scene.text.Text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * {@link Surface} writing an SVG 1.1 document: vector lines, hatching as a pattern, text as text
 * (searchable, selectable). Text is measured with the same font as on screen, so labels keep the
 * positions they have in the window.
 */
final class SvgSurface implements Surface {
    private final StringBuilder defs = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private final double width;
    private final double height;
    private int ids;

    /**
     * @param width      view box width in pixels
     * @param height     view box height
     * @param background fill of the whole image, or null for transparent
     */
    SvgSurface(double width, double height, Color background) {
        this.width = width;
        this.height = height;
        if (background != null) {
            body.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%s\" height=\"%s\" fill=\"%s\"/>%n",
                    n(width), n(height), hex(background)));
        }
    }

    /** @return the finished document */
    String document() {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%s\" "
                + "height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"%s\">%n", n(width), n(height), n(width), n(height),
                escape(Surface.font(12, false).getFamily() + ", DejaVu Sans, Helvetica, Arial, sans-serif")));
        if (defs.length() > 0) {
            sb.append("<defs>\n").append(defs).append("</defs>\n");
        }
        sb.append(body);
        for (int i = 0; i < open.size(); i++) {
            sb.append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    @Override
    public void push(double dx, double dy) {
        body.append(String.format(Locale.ROOT, "<g transform=\"translate(%s %s)\">%n", n(dx), n(dy)));
        open.push("push");
    }

    @Override
    public void pop() {
        close("push");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        String id = "clip" + (++ids);
        defs.append(String.format(Locale.ROOT, "<clipPath id=\"%s\"><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>"
                + "</clipPath>%n", id, n(x), n(y), n(w), n(h)));
        body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        open.push("clip");
    }

    @Override
    public void unclip() {
        close("clip");
    }

    private void close(String kind) {
        if (open.isEmpty() || !open.peek().equals(kind)) {
            throw new IllegalStateException("unbalanced " + kind);
        }
        open.pop();
        body.append("</g>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color c, double width, double alpha,
                     double... dashes) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" %s%s/>%n", n(x1), n(y1),
                n(x2), n(y2), stroke(c, width, alpha), dashes.length == 0 ? "" : " stroke-dasharray=\"" + list(dashes)
                        + "\""));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color c, double width) {
        body.append("<polyline fill=\"none\" stroke-linejoin=\"round\" ").append(stroke(c, width, 1))
                .append(" points=\"").append(points(xs, ys, n)).append("\"/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n, Color c, double alpha) {
        body.append("<polygon ").append(fill(c, alpha)).append(" points=\"").append(points(xs, ys, n)).append("\"/>\n");
    }

    @Override
    public void hatchPolygon(double[] xs, double[] ys, int n, Color c, double alpha) {
        String id = "hatch" + (++ids);
        double h = ChartPainter.HATCH;
        defs.append(String.format(Locale.ROOT, "<pattern id=\"%s\" patternUnits=\"userSpaceOnUse\" width=\"%s\" "
                + "height=\"%s\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"%s\" %s/>"
                + "</pattern>%n", id, n(h / Math.sqrt(2)), n(h), n(h), stroke(c, 1.1, alpha)));
        body.append("<polygon fill=\"url(#").append(id).append(")\" points=\"").append(points(xs, ys, n))
                .append("\"/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Color stroke, double width) {
        body.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" %s %s/>%n", n(cx), n(cy), n(r),
                fill == null ? "fill=\"none\"" : fill(fill, 1), stroke == null ? "" : stroke(stroke, width, 1)));
    }

    @Override
    public void roundRect(double x, double y, double w, double h, double radius, Color fill, double alpha) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\" %s/>%n",
                n(x), n(y), n(w), n(h), n(radius), fill(fill, alpha)));
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, Color c, HAlign h, VAlign v) {
        body.append(textElement(s, x, baseline(s, y, size, bold, v), size, bold, c, h, ""));
    }

    @Override
    public void verticalText(String s, double x, double y, double size, Color c) {
        double base = baseline(s, 0, size, false, VAlign.CENTER);
        body.append(textElement(s, 0, base, size, false, c, HAlign.CENTER,
                String.format(Locale.ROOT, " transform=\"translate(%s %s) rotate(-90)\"", n(x), n(y))));
    }

    private static String textElement(String s, double x, double y, double size, boolean bold, Color c, HAlign h,
                                      String transform) {
        String anchor = switch (h) {
            case LEFT -> "start";
            case CENTER -> "middle";
            case RIGHT -> "end";
        };
        return String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"%s text-anchor=\"%s\" %s%s>%s</text>%n",
                n(x), n(y), n(size), bold ? " font-weight=\"bold\"" : "", anchor, fill(c, 1), transform, escape(s));
    }

    /** @return the baseline y that puts the text's top, centre or bottom at {@code y}, as the canvas does */
    private static double baseline(String s, double y, double size, boolean bold, VAlign v) {
        Text t = new Text(s.isEmpty() ? "X" : s);
        t.setFont(Surface.font(size, bold));
        double ascent = t.getBaselineOffset();
        double height = t.getLayoutBounds().getHeight();
        return switch (v) {
            case TOP -> y + ascent;
            case CENTER -> y - height / 2 + ascent;
            case BOTTOM -> y - (height - ascent);
        };
    }

    private static String stroke(Color c, double width, double alpha) {
        double a = alpha * c.getOpacity();
        return "stroke=\"" + hex(c) + "\" stroke-width=\"" + n(width) + "\"" + (a < 1 ? " stroke-opacity=\"" + n(a)
                + "\"" : "");
    }

    private static String fill(Color c, double alpha) {
        double a = alpha * c.getOpacity();
        return "fill=\"" + hex(c) + "\"" + (a < 1 ? " fill-opacity=\"" + n(a) + "\"" : "");
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String points(double[] xs, double[] ys, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return sb.toString();
    }

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(n(d));
        }
        return sb.toString();
    }

    /** @return a coordinate with at most two decimals */
    static String n(double v) {
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return new java.math.BigDecimal(Double.toString(r)).stripTrailingZeros().toPlainString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
