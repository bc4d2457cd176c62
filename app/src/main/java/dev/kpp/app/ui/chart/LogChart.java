package dev.kpp.app.ui.chart;

import dev.kpp.app.ui.common.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small Canvas chart: logarithmic x axis, log or linear y axis, one line per series with a shaded
 * band, a vertical marker, horizontal thresholds, annotated points, a legend and a hover readout.
 * Colours come from CSS (style classes on hidden probe regions), so themes restyle it without Java
 * colour constants. See docs/adr/0101-canvas-chart.md.
 */
public final class LogChart extends Region {
    private static final double PAD_TOP = 12;
    private static final double PAD_RIGHT = 16;
    private static final double PAD_BOTTOM = 40;
    private static final String[] ROLES = {"chart-axis", "chart-grid", "chart-marker", "chart-threshold",
            "chart-annotation", "chart-legend-bg"};

    private final Canvas canvas = new Canvas();
    private final Label readout = new Label();
    private final Pane probes = new Pane();
    private final Map<String, Region> probeByClass = new HashMap<>();
    private final ObjectProperty<PlotData> data = new SimpleObjectProperty<>(this, "data");
    private Consumer<PlotData> onRendered = d -> { };
    private double hoverX = Double.NaN;

    // layout of the last drawing, for hover
    private double plotLeft;
    private double plotRight;
    private double plotTop;
    private double plotBottom;

    public LogChart() {
        getStyleClass().add("log-chart");
        readout.getStyleClass().add("chart-readout");
        readout.setVisible(false);
        readout.setManaged(false);
        readout.setMouseTransparent(true);
        probes.setManaged(false);
        probes.setVisible(false);
        probes.setMouseTransparent(true);
        for (String role : ROLES) {
            probe(role);
        }
        getChildren().addAll(canvas, probes, readout);
        data.addListener((obs, o, n) -> {
            if (n != null) {
                n.series().forEach(s -> probe(s.styleClass()));
            }
            requestLayout();
            draw();
            onRendered.accept(n);
        });
        widthProperty().addListener(o -> requestLayout());
        heightProperty().addListener(o -> requestLayout());
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverX = Double.NaN;
            readout.setVisible(false);
            draw();
        });
        setMinSize(200, 160);
        setPrefSize(480, 300);
    }

    /** @return the data drawn; setting it redraws synchronously */
    public ObjectProperty<PlotData> dataProperty() {
        return data;
    }

    /** @param listener called after each redraw caused by new data (the latency measurement's end) */
    public void setOnRendered(Consumer<PlotData> listener) {
        this.onRendered = listener == null ? d -> { } : listener;
    }

    private void probe(String styleClass) {
        probeByClass.computeIfAbsent(styleClass, c -> {
            Region r = new Region();
            r.getStyleClass().addAll("chart-probe", c);
            r.backgroundProperty().addListener(o -> draw());
            probes.getChildren().add(r);
            return r;
        });
    }

    private Color color(String styleClass, Color fallback) {
        Region r = probeByClass.get(styleClass);
        if (r == null) {
            return fallback;
        }
        Background bg = r.getBackground();
        if (bg == null || bg.getFills().isEmpty()) {
            return fallback;
        }
        Paint p = bg.getFills().get(0).getFill();
        return p instanceof Color c ? c : fallback;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
        if (readout.isVisible()) {
            readout.autosize();
        }
    }

    private Font font(double size) {
        double base = Font.getDefault().getSize() / 13.0;
        return Font.font(Font.getDefault().getFamily(), size * base);
    }

    private static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    /** Redraws now. */
    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        PlotData d = data.get();
        if (d == null || w < 50 || h < 50) {
            return;
        }
        Color axis = color("chart-axis", Color.GRAY);
        Color grid = color("chart-grid", Color.LIGHTGRAY);
        Font tickFont = font(11);
        Font labelFont = font(11.5);

        double[] yr = yRange(d);
        List<Double> yTicks = d.logY() ? decadeTicks(yr[0], yr[1]) : linearTicks(yr[0], yr[1]);
        double tickWidth = 0;
        for (double t : yTicks) {
            tickWidth = Math.max(tickWidth, textWidth(Formats.compact(t), tickFont));
        }
        plotLeft = Math.ceil(tickWidth + 30);
        plotRight = w - PAD_RIGHT;
        plotTop = PAD_TOP;
        plotBottom = h - PAD_BOTTOM;
        double lx0 = Math.log10(d.xMin());
        double lx1 = Math.log10(d.xMax());
        Scale sx = v -> plotLeft + (Math.log10(v) - lx0) / (lx1 - lx0) * (plotRight - plotLeft);
        Scale sy = d.logY()
                ? v -> plotBottom - (Math.log10(v) - Math.log10(yr[0])) / (Math.log10(yr[1]) - Math.log10(yr[0]))
                        * (plotBottom - plotTop)
                : v -> plotBottom - (v - yr[0]) / (yr[1] - yr[0]) * (plotBottom - plotTop);

        // grid and ticks
        g.setLineWidth(1);
        g.setFont(tickFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : yTicks) {
            double y = Math.round(sy.at(t)) + 0.5;
            g.setStroke(grid);
            g.strokeLine(plotLeft, y, plotRight, y);
            g.setFill(axis);
            g.fillText(Formats.compact(t), plotLeft - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int e = (int) Math.floor(lx0); e <= (int) Math.ceil(lx1); e++) {
            for (int k = 1; k < 10; k++) {
                double v = k * Math.pow(10, e);
                if (v < d.xMin() - 1e-9 || v > d.xMax() + 1e-9) {
                    continue;
                }
                double x = Math.round(sx.at(v)) + 0.5;
                g.setStroke(grid);
                g.setGlobalAlpha(k == 1 ? 1 : 0.45);
                g.strokeLine(x, plotTop, x, plotBottom);
                g.setGlobalAlpha(1);
                if (k == 1) {
                    g.setFill(axis);
                    g.fillText(Formats.compact(v), x, plotBottom + 5);
                }
            }
        }
        g.setStroke(axis);
        g.strokeLine(plotLeft + 0.5, plotTop, plotLeft + 0.5, plotBottom + 0.5);
        g.strokeLine(plotLeft, plotBottom + 0.5, plotRight, plotBottom + 0.5);
        g.setFont(labelFont);
        g.setFill(axis);
        g.fillText(d.xLabel(), (plotLeft + plotRight) / 2, plotBottom + 21);
        g.save();
        g.translate(12, (plotTop + plotBottom) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(d.yLabel(), 0, 0);
        g.restore();

        // clip to plot area
        g.save();
        g.beginPath();
        g.rect(plotLeft, plotTop - 1, plotRight - plotLeft + 1, plotBottom - plotTop + 2);
        g.clip();

        for (PlotData.Series s : d.series()) {
            Color c = color(s.styleClass(), Color.STEELBLUE);
            if (s.low() != null && s.high() != null) {
                drawBand(g, s, sx, sy, d.logY(), c);
            }
        }
        for (PlotData.Threshold t : d.thresholds()) {
            if (!visible(t.y(), yr, d.logY())) {
                continue;
            }
            double y = sy.at(t.y());
            g.setStroke(color("chart-threshold", Color.RED));
            g.setLineWidth(1.5);
            g.setLineDashes(7, 5);
            g.strokeLine(plotLeft, y, plotRight, y);
            g.setLineDashes();
        }
        for (PlotData.Series s : d.series()) {
            Color c = color(s.styleClass(), Color.STEELBLUE);
            if (s.scatter()) {
                g.setFill(c);
                for (int i = 0; i < s.x().length; i++) {
                    if ((d.logY() && s.y()[i] <= 0) || Double.isNaN(s.y()[i]) || !(s.x()[i] > 0)) {
                        continue;
                    }
                    g.fillOval(sx.at(s.x()[i]) - 4, sy.at(s.y()[i]) - 4, 8, 8);
                }
                continue;
            }
            g.setStroke(c);
            g.setLineWidth(2.2);
            strokeLine(g, s.x(), s.y(), sx, sy, d.logY());
        }
        if (!Double.isNaN(d.marker()) && d.marker() >= d.xMin() && d.marker() <= d.xMax()) {
            double x = Math.round(sx.at(d.marker())) + 0.5;
            g.setStroke(color("chart-marker", Color.BLACK));
            g.setLineWidth(1.5);
            g.setLineDashes(3, 3);
            g.strokeLine(x, plotTop, x, plotBottom);
            g.setLineDashes();
        }
        if (!Double.isNaN(hoverX)) {
            double x = Math.round(sx.at(hoverX)) + 0.5;
            g.setStroke(axis);
            g.setLineWidth(1);
            g.setGlobalAlpha(0.6);
            g.strokeLine(x, plotTop, x, plotBottom);
            g.setGlobalAlpha(1);
        }
        // annotations
        g.setFont(tickFont);
        Color ann = color("chart-annotation", Color.BLACK);
        int n = 0;
        List<double[]> labelled = new ArrayList<>();
        for (PlotData.Annotation a : d.annotations()) {
            if (!visible(a.y(), yr, d.logY()) || a.x() < d.xMin() || a.x() > d.xMax()) {
                continue;
            }
            double x = sx.at(a.x());
            double y = sy.at(a.y());
            g.setFill(ann);
            g.setStroke(ann);
            g.setLineWidth(1.5);
            g.strokeOval(x - 4, y - 4, 8, 8);
            boolean crowded = labelled.stream().anyMatch(p -> Math.abs(p[0] - x) < 34 && Math.abs(p[1] - y) < 26);
            if (crowded) {
                continue;
            }
            labelled.add(new double[]{x, y});
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            double ly = y - 7 - (n++ % 2) * 13;
            g.fillText(a.label(), Math.min(plotRight - 16, Math.max(plotLeft + 16, x)), Math.max(plotTop + 12, ly));
        }
        g.restore();

        // threshold and marker labels (outside the clip so they are never cut)
        g.setFont(tickFont);
        for (PlotData.Threshold t : d.thresholds()) {
            if (!visible(t.y(), yr, d.logY())) {
                continue;
            }
            g.setFill(color("chart-threshold", Color.RED));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(t.label(), plotRight - 4, sy.at(t.y()) - 3);
        }
        if (!Double.isNaN(d.marker()) && d.marker() >= d.xMin() && d.marker() <= d.xMax()) {
            double x = sx.at(d.marker());
            g.setFill(color("chart-marker", Color.BLACK));
            g.setTextBaseline(VPos.BOTTOM);
            boolean right = x < (plotLeft + plotRight) / 2;
            g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.fillText(d.markerLabel(), x + (right ? 5 : -5), plotBottom - 3);
        }
        drawLegend(g, d, tickFont);
    }

    private void drawLegend(GraphicsContext g, PlotData d, Font f) {
        double x0 = plotLeft + 8;
        double x = x0;
        double y = plotTop + 12;
        double maxX = plotRight - 8;
        // lay out first (wrapping to more rows when the chart is narrow), then paint
        List<double[]> at = new ArrayList<>();
        double widest = 0;
        for (PlotData.Series s : d.series()) {
            double w = 22 + textWidth(s.name(), f) + 10;
            if (x > x0 && x + w > maxX) {
                x = x0;
                y += 17;
            }
            at.add(new double[]{x, y});
            x += w;
            widest = Math.max(widest, x);
        }
        g.setFill(color("chart-legend-bg", Color.WHITE));
        g.setGlobalAlpha(0.85);
        g.fillRoundRect(x0 - 4, plotTop + 3, widest - x0, y - plotTop + 8, 6, 6);
        g.setGlobalAlpha(1);
        int i = 0;
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (PlotData.Series s : d.series()) {
            x = at.get(i)[0];
            y = at.get(i++)[1];
            Color c = color(s.styleClass(), Color.STEELBLUE);
            if (s.scatter()) {
                g.setFill(c);
                g.fillOval(x + 4, y - 4, 8, 8);
            } else {
                g.setStroke(c);
                g.setLineWidth(3);
                g.strokeLine(x, y, x + 16, y);
            }
            g.setFill(color("chart-axis", Color.GRAY));
            g.fillText(s.name(), x + 21, y);
        }
    }

    private void drawBand(GraphicsContext g, PlotData.Series s, Scale sx, Scale sy, boolean logY, Color c) {
        double[] x = s.x();
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < x.length; i++) {
            double lo = s.low()[i];
            double hi = s.high()[i];
            if (hi - lo > 1e-9 * Math.abs(hi)) {
                any = true;
            }
            if (logY && (lo <= 0 || hi <= 0)) {
                fillPolygon(g, upper, lower, c);
                upper.clear();
                lower.clear();
                continue;
            }
            upper.add(new double[]{sx.at(x[i]), sy.at(hi)});
            lower.add(new double[]{sx.at(x[i]), sy.at(lo)});
        }
        if (any) {
            fillPolygon(g, upper, lower, c);
        }
    }

    private static void fillPolygon(GraphicsContext g, List<double[]> upper, List<double[]> lower, Color c) {
        if (upper.size() < 2) {
            return;
        }
        int n = upper.size();
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = upper.get(i)[0];
            py[i] = upper.get(i)[1];
            px[2 * n - 1 - i] = lower.get(i)[0];
            py[2 * n - 1 - i] = lower.get(i)[1];
        }
        g.setFill(c);
        g.setGlobalAlpha(0.16);
        g.fillPolygon(px, py, 2 * n);
        g.setGlobalAlpha(1);
    }

    private static void strokeLine(GraphicsContext g, double[] x, double[] y, Scale sx, Scale sy, boolean logY) {
        boolean open = false;
        g.beginPath();
        for (int i = 0; i < x.length; i++) {
            if ((logY && y[i] <= 0) || Double.isNaN(y[i])) {
                open = false;
                continue;
            }
            double px = sx.at(x[i]);
            double py = sy.at(y[i]);
            if (open) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                open = true;
            }
        }
        g.stroke();
    }

    private static boolean visible(double v, double[] yr, boolean logY) {
        return (!logY || v > 0) && v >= yr[0] && v <= yr[1];
    }

    /** @return {min, max} of the y axis */
    static double[] yRange(PlotData d) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (PlotData.Series s : d.series()) {
            for (int i = 0; i < s.y().length; i++) {
                double[] vs = {s.y()[i], s.low() == null ? s.y()[i] : s.low()[i],
                        s.high() == null ? s.y()[i] : s.high()[i]};
                for (double v : vs) {
                    if (Double.isNaN(v) || (d.logY() && v <= 0)) {
                        continue;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        for (PlotData.Threshold t : d.thresholds()) {
            if (!d.logY() || t.y() > 0) {
                min = Math.min(min, t.y());
                max = Math.max(max, t.y());
            }
        }
        if (d.logY()) {
            if (min == Double.POSITIVE_INFINITY) {
                return new double[]{1, 10};
            }
            double lo = Math.pow(10, Math.floor(Math.log10(min)));
            double hi = Math.pow(10, Math.ceil(Math.log10(max)));
            if (hi <= lo) {
                hi = lo * 10;
            }
            return new double[]{lo, hi};
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[]{0, 1};
        }
        double lo = Math.min(0, min);
        double hi = max <= lo ? lo + 1 : max * 1.08;
        double step = niceStep((hi - lo) / 5);
        return new double[]{lo, Math.ceil(hi / step) * step};
    }

    private static List<Double> decadeTicks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        int e0 = (int) Math.round(Math.log10(lo));
        int e1 = (int) Math.round(Math.log10(hi));
        int stride = Math.max(1, (e1 - e0 + 5) / 6);
        for (int e = e0; e <= e1; e += stride) {
            out.add(Math.pow(10, e));
        }
        return out;
    }

    private static List<Double> linearTicks(double lo, double hi) {
        double step = niceStep((hi - lo) / 5);
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }

    private static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
        return nice * mag;
    }

    private void hover(MouseEvent e) {
        PlotData d = data.get();
        if (d == null || d.series().isEmpty() || e.getX() < plotLeft || e.getX() > plotRight || e.getY() < plotTop
                || e.getY() > plotBottom) {
            if (!Double.isNaN(hoverX)) {
                hoverX = Double.NaN;
                readout.setVisible(false);
                draw();
            }
            return;
        }
        double lx = Math.log10(d.xMin()) + (e.getX() - plotLeft) / (plotRight - plotLeft)
                * (Math.log10(d.xMax()) - Math.log10(d.xMin()));
        double[] xs = d.series().stream().filter(s -> !s.scatter()).findFirst().orElse(d.series().get(0)).x();
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (Math.abs(Math.log10(xs[i]) - lx) < Math.abs(Math.log10(xs[best]) - lx)) {
                best = i;
            }
        }
        hoverX = xs[best];
        StringBuilder sb = new StringBuilder(Formats.integer(hoverX)).append(' ').append(d.xLabel().toLowerCase(java.util.Locale.ROOT));
        for (PlotData.Series s : d.series()) {
            if (s.scatter() || s.x().length != xs.length) {
                continue;
            }
            sb.append('\n').append(s.name()).append(": ").append(Formats.number(s.y()[best]));
            if (s.low() != null && s.high() != null && s.high()[best] - s.low()[best] > 1e-9) {
                sb.append("  (").append(Formats.compact(s.low()[best])).append('–')
                        .append(Formats.compact(s.high()[best])).append(')');
            }
        }
        readout.setText(sb.toString());
        readout.setVisible(true);
        readout.autosize();
        double rx = e.getX() + 14;
        if (rx + readout.getWidth() > getWidth() - 4) {
            rx = e.getX() - 14 - readout.getWidth();
        }
        double ry = Math.max(4, Math.min(getHeight() - readout.getHeight() - 4, e.getY() - readout.getHeight() / 2));
        readout.relocate(rx, ry);
        draw();
    }

    @FunctionalInterface
    private interface Scale {
        double at(double v);
    }
}
