package dev.kpp.app.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A figure against the number of Services: a logarithmic x axis, a logarithmic or linear y axis, one
 * line per mode with its 90% band shaded, budgets as dashed lines, today's size as a dotted marker and
 * the crossings as numbered points. Everything that explains the chart (the legend, the budget and
 * marker values, the numbered crossings) sits below the plot, so no label covers a curve, and the
 * numbers beside the points are placed so that they never overlap each other.
 *
 * @param title   the title
 * @param xLabel  the x axis' label
 * @param yLabel  the y axis' label (drawn above the axis)
 * @param logY    a logarithmic y axis
 * @param series  the lines
 * @param budgets horizontal budget lines
 * @param marker  the vertical "today" marker, or null
 * @param points  numbered points (crossings)
 * @param xFormat formats x ticks
 * @param yFormat formats y ticks
 */
public record LineChart(String title, String xLabel, String yLabel, boolean logY, List<Series> series,
                        List<Level> budgets, Marker marker, List<Point> points, DoubleFunction<String> xFormat,
                        DoubleFunction<String> yFormat) implements Chart {
    /**
     * One line with its band.
     *
     * @param name   legend text
     * @param color  the colour
     * @param x      x values (ascending)
     * @param y      y values
     * @param low    band lower ends (same length), or null
     * @param high   band upper ends, or null
     * @param dashed draw the line dashed (e.g. low confidence)
     */
    public record Series(String name, Color color, double[] x, double[] y, double[] low, double[] high,
                         boolean dashed) {
    }

    /** A budget line. @param value its value @param label legend text */
    public record Level(double value, String label) {
    }

    /** A vertical marker. @param x where @param label legend text */
    public record Marker(double x, String label) {
    }

    /**
     * A numbered point.
     *
     * @param x     where
     * @param y     where
     * @param color its colour
     * @param note  the text listed under the chart beside its number
     */
    public record Point(double x, double y, Color color, String note) {
    }

    private static final double TITLE = 9.5;
    private static final double TICK = 7;
    private static final double LEGEND = 7.5;
    private static final double NOTE = 7;
    private static final double LEGEND_ROW = 12;
    private static final double NOTE_ROW = 10;

    public LineChart {
        series = List.copyOf(series);
        budgets = List.copyOf(budgets);
        points = List.copyOf(points);
        Objects.requireNonNull(xFormat);
        Objects.requireNonNull(yFormat);
    }

    @Override
    public double height(double width) {
        return top() + width * 0.40 + bottom(width);
    }

    private double top() {
        return TITLE + 8 + TICK + 8;
    }

    private double bottom(double width) {
        return TICK + 6 + TICK + 10 + legendRows(width) * LEGEND_ROW + 4 + points.size() * NOTE_ROW + 4;
    }

    private List<LegendItem> legend() {
        List<LegendItem> items = new ArrayList<>();
        for (Series s : series) {
            items.add(new LegendItem(s.name(), new Canvas.Stroke(s.color(), 1.6, s.dashed() ? new double[] {4, 2}
                    : new double[0]), s.low() != null ? s.color() : null));
        }
        for (Level b : budgets) {
            items.add(new LegendItem(b.label(), new Canvas.Stroke(Palette.BUDGET, 1.1, 5, 3), null));
        }
        if (marker != null) {
            items.add(new LegendItem(marker.label(), new Canvas.Stroke(Palette.MUTED, 0.9, 1.5, 2), null));
        }
        return items;
    }

    private record LegendItem(String text, Canvas.Stroke stroke, Color band) {
        double width() {
            return 22 + ReportFonts.width(text, LEGEND, false) + 14;
        }
    }

    private int legendRows(double width) {
        return layoutLegend(width).isEmpty() ? 0 : layoutLegend(width).get(layoutLegend(width).size() - 1)[1] + 1;
    }

    /** @return per legend item {x offset, row} */
    private List<int[]> layoutLegend(double width) {
        List<int[]> out = new ArrayList<>();
        double x = 0;
        int row = 0;
        for (LegendItem it : legend()) {
            double w = it.width();
            if (x > 0 && x + w > width) {
                x = 0;
                row++;
            }
            out.add(new int[] {(int) Math.round(x), row});
            x += w;
        }
        return out;
    }

    @Override
    public void draw(Canvas c, double width, double height) {
        // y range
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xmin = Math.min(xmin, s.x()[i]);
                xmax = Math.max(xmax, s.x()[i]);
                for (double v : new double[] {s.y()[i], s.low() == null ? s.y()[i] : s.low()[i],
                    s.high() == null ? s.y()[i] : s.high()[i]}) {
                    if (Double.isFinite(v) && (!logY || v > 0)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        for (Level b : budgets) {
            if (!logY || b.value() > 0) {
                min = Math.min(min, b.value());
                max = Math.max(max, b.value());
            }
        }
        if (!Double.isFinite(min)) {
            min = logY ? 1 : 0;
            max = logY ? 10 : 1;
        }
        Axis y = logY ? Axis.log(min, max, 7) : Axis.linear(Math.min(0, min), max);
        Axis x = Axis.log(xmin, xmax, 99);

        // layout
        double tickW = 0;
        for (double t : y.ticks()) {
            tickW = Math.max(tickW, ReportFonts.width(yFormat.apply(t), TICK, false));
        }
        double left = tickW + 8;
        double right = 10;
        double plotTop = top();
        double plotBottom = height - bottom(width);
        double plotW = width - left - right;
        double plotH = plotBottom - plotTop;

        c.text(0, TITLE, title, TITLE, true, Palette.TEXT, Canvas.Anchor.START);
        c.text(left, plotTop - 6, yLabel, TICK, false, Palette.MUTED, Canvas.Anchor.START);

        Scale sx = new Scale(x, left, left + plotW, false);
        Scale sy = new Scale(y, plotBottom, plotTop, true);

        // grid and ticks
        Canvas.Stroke grid = Canvas.Stroke.solid(Palette.GRID, 0.5);
        Canvas.Stroke axis = Canvas.Stroke.solid(Palette.AXIS, 0.7);
        for (double t : y.ticks()) {
            double py = sy.map(t);
            c.line(left, py, left + plotW, py, grid);
            c.text(left - 4, py + TICK * 0.35, yFormat.apply(t), TICK, false, Palette.MUTED, Canvas.Anchor.END);
        }
        for (double t : x.minorTicks()) {
            double px = sx.map(t);
            c.line(px, plotBottom, px, plotBottom + 2, axis);
        }
        for (double t : x.ticks()) {
            double px = sx.map(t);
            c.line(px, plotTop, px, plotBottom, grid);
            c.line(px, plotBottom, px, plotBottom + 4, axis);
            c.text(px, plotBottom + 5 + TICK, xFormat.apply(t), TICK, false, Palette.MUTED, Canvas.Anchor.MIDDLE);
        }
        c.line(left, plotBottom, left + plotW, plotBottom, axis);
        c.line(left, plotTop, left, plotBottom, axis);
        c.text(left + plotW / 2, plotBottom + 6 + 2 * TICK + 3, xLabel, TICK, false, Palette.MUTED,
                Canvas.Anchor.MIDDLE);

        // data
        c.clip(left, plotTop, plotW, plotH);
        for (Series s : series) {
            if (s.low() != null && s.high() != null) {
                int n = s.x().length;
                double[] px = new double[2 * n];
                double[] py = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    px[i] = sx.map(s.x()[i]);
                    py[i] = sy.map(s.high()[i]);
                    px[2 * n - 1 - i] = px[i];
                    py[2 * n - 1 - i] = sy.map(s.low()[i]);
                }
                c.fill(px, py, 2 * n, s.color(), 0.13);
            }
        }
        for (Level b : budgets) {
            double py = sy.map(b.value());
            c.line(left, py, left + plotW, py, new Canvas.Stroke(Palette.BUDGET, 1.1, 5, 3));
        }
        if (marker != null) {
            double px = sx.map(marker.x());
            c.line(px, plotTop, px, plotBottom, new Canvas.Stroke(Palette.MUTED, 0.9, 1.5, 2));
        }
        for (Series s : series) {
            int n = s.x().length;
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = sx.map(s.x()[i]);
                py[i] = sy.map(s.y()[i]);
            }
            c.polyline(px, py, n, new Canvas.Stroke(s.color(), 1.6, s.dashed() ? new double[] {4, 2}
                    : new double[0]));
        }
        c.unclip();

        // numbered points, labels placed so they never overlap each other, the points or the plot edge
        List<double[]> taken = new ArrayList<>();
        double[][] at = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            at[i] = new double[] {sx.map(p.x()), sy.map(p.y())};
            taken.add(new double[] {at[i][0] - 3, at[i][1] - 3, at[i][0] + 3, at[i][1] + 3});
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            c.circle(at[i][0], at[i][1], 2.6, p.color(), Canvas.Stroke.solid(Color.WHITE, 0.8));
            String label = Integer.toString(i + 1);
            double w = ReportFonts.width(label, NOTE, true) + 4;
            double h = NOTE + 3;
            double[] box = place(at[i][0], at[i][1], w, h, left, plotTop, left + plotW, plotBottom, taken);
            if (box != null) {
                taken.add(box);
                double cx = (box[0] + box[2]) / 2;
                double cy = (box[1] + box[3]) / 2;
                double dist = Math.hypot(cx - at[i][0], cy - at[i][1]);
                if (dist > 14) {
                    c.line(at[i][0], at[i][1], cx, cy, Canvas.Stroke.solid(Palette.AXIS, 0.5));
                }
                c.rect(box[0], box[1], w, h, Color.WHITE, Canvas.Stroke.solid(p.color(), 0.6));
                c.text(cx, box[3] - 2.2, label, NOTE, true, Palette.TEXT, Canvas.Anchor.MIDDLE);
            }
        }

        // legend and notes under the plot
        double ly = plotBottom + 6 + 2 * TICK + 10;
        List<int[]> pos = layoutLegend(width);
        List<LegendItem> items = legend();
        for (int i = 0; i < items.size(); i++) {
            LegendItem it = items.get(i);
            double lx = pos.get(i)[0];
            double row = ly + pos.get(i)[1] * LEGEND_ROW + LEGEND_ROW / 2;
            if (it.band() != null) {
                c.rect(lx, row - 3.5, 18, 7, blend(it.band()), null);
            }
            c.line(lx, row, lx + 18, row, it.stroke());
            c.text(lx + 22, row + LEGEND * 0.35, it.text(), LEGEND, false, Palette.TEXT, Canvas.Anchor.START);
        }
        double ny = ly + legendRows(width) * LEGEND_ROW + 4;
        for (int i = 0; i < points.size(); i++) {
            double row = ny + i * NOTE_ROW + NOTE;
            String num = (i + 1) + "";
            c.text(0, row, num, NOTE, true, points.get(i).color(), Canvas.Anchor.START);
            c.text(12, row, fit(points.get(i).note(), width - 12, NOTE), NOTE, false, Palette.TEXT,
                    Canvas.Anchor.START);
        }
    }

    /** @return the band colour as an opaque tint (legend swatch) */
    static Color blend(Color c) {
        double a = 0.13;
        return new Color((int) Math.round(255 + (c.getRed() - 255) * a), (int) Math.round(255 + (c.getGreen() - 255) * a),
                (int) Math.round(255 + (c.getBlue() - 255) * a));
    }

    /** @return the text, shortened with an ellipsis to fit {@code width} */
    static String fit(String text, double width, double size) {
        if (ReportFonts.width(text, size, false) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && ReportFonts.width(t + "…", size, false) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static double[] place(double px, double py, double w, double h, double x0, double y0, double x1,
                                  double y1, List<double[]> taken) {
        for (double d : new double[] {5, 12, 22, 34, 48}) {
            double[][] candidates = {
                {px + d, py - d - h}, {px - d - w, py - d - h}, {px + d, py + d}, {px - d - w, py + d},
                {px - w / 2, py - d - h}, {px - w / 2, py + d}, {px + d, py - h / 2}, {px - d - w, py - h / 2}};
            for (double[] cand : candidates) {
                double[] box = {cand[0], cand[1], cand[0] + w, cand[1] + h};
                if (box[0] < x0 + 1 || box[1] < y0 + 1 || box[2] > x1 - 1 || box[3] > y1 - 1) {
                    continue;
                }
                boolean free = true;
                for (double[] t : taken) {
                    if (box[0] < t[2] + 1 && box[2] > t[0] - 1 && box[1] < t[3] + 1 && box[3] > t[1] - 1) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    return box;
                }
            }
        }
        return null;
    }

    /** Maps axis values to page coordinates. */
    private record Scale(Axis axis, double from, double to, boolean vertical) {
        double map(double v) {
            double t = axis.fraction(v);
            t = Math.max(-0.05, Math.min(1.05, t));
            return from + (to - from) * t;
        }
    }
}
