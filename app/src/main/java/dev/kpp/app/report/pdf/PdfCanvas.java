package dev.kpp.app.report.pdf;

import dev.kpp.app.report.chart.Canvas;
import dev.kpp.app.report.chart.ReportFonts;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A canvas on a PDF page: charts become vector paths, and their text is real text in the report's
 * embedded font (searchable, selectable, extracted by PDFTextStripper).
 */
final class PdfCanvas implements Canvas {
    private static final double K = 0.5523;
    private final PDPageContentStream cs;
    private final double ox;
    private final double top;
    private final PDFont regular;
    private final PDFont bold;
    private final Map<Double, PDExtendedGraphicsState> alphas = new HashMap<>();

    /**
     * @param cs      the page's content stream
     * @param x       the chart's left edge on the page (points)
     * @param top     the chart's top edge, in PDF coordinates (from the bottom of the page)
     * @param regular the regular font
     * @param bold    the bold font
     */
    PdfCanvas(PDPageContentStream cs, double x, double top, PDFont regular, PDFont bold) {
        this.cs = cs;
        this.ox = x;
        this.top = top;
        this.regular = regular;
        this.bold = bold;
    }

    private float px(double x) {
        return (float) (ox + x);
    }

    private float py(double y) {
        return (float) (top - y);
    }

    private void stroke(Stroke s) throws IOException {
        cs.setStrokingColor(s.color());
        cs.setLineWidth((float) s.width());
        float[] d = new float[s.dash().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) s.dash()[i];
        }
        cs.setLineDashPattern(d, 0);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke s) {
        try {
            stroke(s);
            cs.moveTo(px(x1), py(y1));
            cs.lineTo(px(x2), py(y2));
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Stroke s) {
        if (n < 2) {
            return;
        }
        try {
            stroke(s);
            cs.setLineJoinStyle(1);
            cs.moveTo(px(xs[0]), py(ys[0]));
            for (int i = 1; i < n; i++) {
                cs.lineTo(px(xs[i]), py(ys[i]));
            }
            cs.stroke();
            cs.setLineJoinStyle(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fill(double[] xs, double[] ys, int n, Color c, double alpha) {
        if (n < 3) {
            return;
        }
        try {
            cs.saveGraphicsState();
            cs.setGraphicsStateParameters(alphas.computeIfAbsent(alpha, a -> {
                PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
                gs.setNonStrokingAlphaConstant((float) (double) a);
                return gs;
            }));
            cs.setNonStrokingColor(c);
            cs.moveTo(px(xs[0]), py(ys[0]));
            for (int i = 1; i < n; i++) {
                cs.lineTo(px(xs[i]), py(ys[i]));
            }
            cs.closePath();
            cs.fill();
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, Stroke s) {
        try {
            if (fill != null) {
                cs.setNonStrokingColor(fill);
                cs.addRect(px(x), py(y + h), (float) w, (float) h);
                cs.fill();
            }
            if (s != null) {
                stroke(s);
                cs.addRect(px(x), py(y + h), (float) w, (float) h);
                cs.stroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Stroke s) {
        try {
            if (fill != null) {
                cs.setNonStrokingColor(fill);
                path(cx, cy, r);
                cs.fill();
            }
            if (s != null) {
                stroke(s);
                path(cx, cy, r);
                cs.stroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void path(double cx, double cy, double r) throws IOException {
        float x = px(cx);
        float y = py(cy);
        float rr = (float) r;
        float k = (float) (K * r);
        cs.moveTo(x + rr, y);
        cs.curveTo(x + rr, y + k, x + k, y + rr, x, y + rr);
        cs.curveTo(x - k, y + rr, x - rr, y + k, x - rr, y);
        cs.curveTo(x - rr, y - k, x - k, y - rr, x, y - rr);
        cs.curveTo(x + k, y - rr, x + rr, y - k, x + rr, y);
        cs.closePath();
    }

    @Override
    public void text(double x, double y, String text, double size, boolean b, Color c, Anchor a) {
        String t = ReportFonts.printable(text, b ? ReportFonts.Face.BOLD : ReportFonts.Face.REGULAR);
        if (t.isEmpty()) {
            return;
        }
        double w = ReportFonts.width(t, size, b);
        double x0 = a == Anchor.START ? x : a == Anchor.MIDDLE ? x - w / 2 : x - w;
        try {
            cs.beginText();
            cs.setFont(b ? bold : regular, (float) size);
            cs.setNonStrokingColor(c);
            cs.newLineAtOffset(px(x0), py(y));
            cs.showText(t);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        try {
            cs.saveGraphicsState();
            cs.addRect(px(x), py(y + h), (float) w, (float) h);
            cs.clip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void unclip() {
        try {
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
