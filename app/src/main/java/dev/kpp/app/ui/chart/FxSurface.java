package dev.kpp.app.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/** {@link Surface} on a JavaFX canvas. */
final class FxSurface implements Surface {
    private final GraphicsContext g;

    FxSurface(GraphicsContext g) {
        this.g = g;
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.ROUND);
    }

    @Override
    public void push(double dx, double dy) {
        g.save();
        g.translate(dx, dy);
    }

    @Override
    public void pop() {
        g.restore();
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
    }

    @Override
    public void unclip() {
        g.restore();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color c, double width, double alpha,
                     double... dashes) {
        g.setStroke(c);
        g.setLineWidth(width);
        g.setGlobalAlpha(alpha);
        g.setLineDashes(dashes.length == 0 ? null : dashes);
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes(null);
        g.setGlobalAlpha(1);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color c, double width) {
        g.setStroke(c);
        g.setLineWidth(width);
        g.strokePolyline(xs, ys, n);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n, Color c, double alpha) {
        g.setFill(c);
        g.setGlobalAlpha(alpha);
        g.fillPolygon(xs, ys, n);
        g.setGlobalAlpha(1);
    }

    @Override
    public void hatchPolygon(double[] xs, double[] ys, int n, Color c, double alpha) {
        if (n < 3) {
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        g.save();
        g.beginPath();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                g.moveTo(xs[i], ys[i]);
            } else {
                g.lineTo(xs[i], ys[i]);
            }
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        g.closePath();
        g.clip();
        g.setStroke(c);
        g.setGlobalAlpha(alpha);
        g.setLineWidth(1.1);
        double span = maxY - minY;
        for (double x = Math.floor((minX - span) / ChartPainter.HATCH) * ChartPainter.HATCH; x <= maxX;
             x += ChartPainter.HATCH) {
            g.strokeLine(x, maxY, x + span, minY);
        }
        g.restore();
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Color stroke, double width) {
        if (fill != null) {
            g.setFill(fill);
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        }
        if (stroke != null) {
            g.setStroke(stroke);
            g.setLineWidth(width);
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
    }

    @Override
    public void roundRect(double x, double y, double w, double h, double radius, Color fill, double alpha) {
        g.setFill(fill);
        g.setGlobalAlpha(alpha);
        g.fillRoundRect(x, y, w, h, 2 * radius, 2 * radius);
        g.setGlobalAlpha(1);
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, Color c, HAlign h, VAlign v) {
        g.setFont(Surface.font(size, bold));
        g.setFill(c);
        g.setTextAlign(switch (h) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        g.setTextBaseline(switch (v) {
            case TOP -> VPos.TOP;
            case CENTER -> VPos.CENTER;
            case BOTTOM -> VPos.BOTTOM;
        });
        g.fillText(s, x, y);
    }

    @Override
    public void verticalText(String s, double x, double y, double size, Color c) {
        g.save();
        g.translate(x, y);
        g.rotate(-90);
        text(s, 0, 0, size, false, c, HAlign.CENTER, VAlign.CENTER);
        g.restore();
    }
}
