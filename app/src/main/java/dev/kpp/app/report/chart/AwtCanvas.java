package dev.kpp.app.report.chart;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/** A canvas on a Java2D image, for the PNG charts beside a Markdown report (headless, no JavaFX). */
public final class AwtCanvas implements Canvas {
    private static final Map<ReportFonts.Face, Font> FONTS = new EnumMap<>(ReportFonts.Face.class);
    private final BufferedImage image;
    private final Graphics2D g;

    /**
     * @param width  the chart's width in points
     * @param height its height in points
     * @param scale  pixels per point (2 gives a sharp image on screens)
     */
    public AwtCanvas(double width, double height, double scale) {
        image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
    }

    private static synchronized Font font(boolean bold) {
        ReportFonts.Face face = bold ? ReportFonts.Face.BOLD : ReportFonts.Face.REGULAR;
        return FONTS.computeIfAbsent(face, f -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ReportFonts.bytes(f)));
            } catch (FontFormatException e) {
                throw new IllegalStateException("bad font " + f.file(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void use(Stroke s) {
        g.setColor(s.color());
        g.setStroke(s.dash().length == 0
                ? new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, floats(s.dash()),
                0f));
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke s) {
        use(s);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Stroke s) {
        if (n < 2) {
            return;
        }
        use(s);
        g.draw(path(xs, ys, n, false));
    }

    @Override
    public void fill(double[] xs, double[] ys, int n, Color c, double alpha) {
        if (n < 3) {
            return;
        }
        Composite saved = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha));
        g.setColor(c);
        g.fill(path(xs, ys, n, true));
        g.setComposite(saved);
    }

    private static Path2D path(double[] xs, double[] ys, int n, boolean close) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, Stroke s) {
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(fill);
            g.fill(r);
        }
        if (s != null) {
            use(s);
            g.draw(r);
        }
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Stroke s) {
        Ellipse2D e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        if (fill != null) {
            g.setColor(fill);
            g.fill(e);
        }
        if (s != null) {
            use(s);
            g.draw(e);
        }
    }

    @Override
    public void text(double x, double y, String text, double size, boolean bold, Color c, Anchor a) {
        String t = ReportFonts.printable(text, bold ? ReportFonts.Face.BOLD : ReportFonts.Face.REGULAR);
        double w = ReportFonts.width(t, size, bold);
        double x0 = a == Anchor.START ? x : a == Anchor.MIDDLE ? x - w / 2 : x - w;
        g.setFont(font(bold).deriveFont((float) size));
        g.setColor(c);
        g.drawString(t, (float) x0, (float) y);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }

    /** @return the image (call once drawing is done) */
    public BufferedImage image() {
        g.dispose();
        return image;
    }
}
