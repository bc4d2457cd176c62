package dev.kpp.app.report.chart;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A canvas that writes SVG 1.1. Numbers are written with two decimals and a fixed locale, element
 * order follows the drawing order, so the same chart gives the same bytes on every run.
 */
public final class SvgCanvas implements Canvas {
    private final StringBuilder sb = new StringBuilder();
    private final double width;
    private final double height;
    private int clips;
    private int openClips;

    /** @param width the width in points; @param height the height in points */
    public SvgCanvas(double width, double height, String title) {
        this.width = width;
        this.height = height;
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width))
                .append("pt\" height=\"").append(n(height)).append("pt\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" font-family=\"").append(ReportFonts.SVG_FAMILY).append("\">\n");
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" fill=\"#ffffff\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke s) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(stroke(s)).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, Stroke s) {
        sb.append("<polyline fill=\"none\" points=\"").append(points(xs, ys, count)).append('"').append(stroke(s))
                .append(" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void fill(double[] xs, double[] ys, int count, Color c, double alpha) {
        sb.append("<polygon points=\"").append(points(xs, ys, count)).append("\" fill=\"").append(Palette.hex(c))
                .append("\" fill-opacity=\"").append(n(alpha)).append("\" stroke=\"none\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, Stroke s) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"")
                .append(fill == null ? "none" : Palette.hex(fill)).append('"')
                .append(s == null ? " stroke=\"none\"" : stroke(s)).append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Stroke s) {
        sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill == null ? "none" : Palette.hex(fill)).append('"')
                .append(s == null ? " stroke=\"none\"" : stroke(s)).append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, boolean bold, Color c, Anchor a) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append('"').append(bold ? " font-weight=\"bold\"" : "").append(" fill=\"").append(Palette.hex(c))
                .append('"');
        if (a != Anchor.START) {
            sb.append(" text-anchor=\"").append(a == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        sb.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        String id = "clip" + ++clips;
        sb.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n");
        sb.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        openClips++;
    }

    @Override
    public void unclip() {
        if (openClips > 0) {
            sb.append("</g>\n");
            openClips--;
        }
    }

    /** @return the finished document */
    public String svg() {
        StringBuilder out = new StringBuilder(sb);
        for (int i = 0; i < openClips; i++) {
            out.append("</g>\n");
        }
        return out.append("</svg>\n").toString();
    }

    /** @return the width in points */
    public double width() {
        return width;
    }

    /** @return the height in points */
    public double height() {
        return height;
    }

    private static String stroke(Stroke s) {
        StringBuilder b = new StringBuilder(" stroke=\"").append(Palette.hex(s.color())).append("\" stroke-width=\"")
                .append(n(s.width())).append('"');
        if (s.dash().length > 0) {
            b.append(" stroke-dasharray=\"");
            for (int i = 0; i < s.dash().length; i++) {
                b.append(i > 0 ? "," : "").append(n(s.dash()[i]));
            }
            b.append('"');
        }
        return b.toString();
    }

    private static String points(double[] xs, double[] ys, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(i > 0 ? " " : "").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return b.toString();
    }

    static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
