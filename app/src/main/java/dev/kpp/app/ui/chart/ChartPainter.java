package dev.kpp.app.ui.chart;

import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * Paints one {@link PlotData} on a {@link Surface}: a title (exports), the legend in its own strip
 * above the plot (never on the data), a logarithmic x axis, a log or linear y axis with ticks in the
 * metric's unit, shaded bands (hatched where the estimate is of low confidence), budget lines, the
 * current-scenario marker and crossover points. Labels are placed so that none covers another: each
 * tries a few positions and is left out when none is free (the crossover list still names it).
 */
final class ChartPainter {
    /** Spacing of the low-confidence hatching, in pixels. */
    static final double HATCH = 6;
    private static final double PAD_RIGHT = 14;

    private ChartPainter() {
    }

    /** Where the plot area ended up, for hover lookups. */
    record Frame(double left, double right, double top, double bottom, double xMin, double xMax, boolean logX) {
        /** @return true when (x, y) is inside the plot area */
        boolean contains(double x, double y) {
            return x >= left && x <= right && y >= top && y <= bottom;
        }

        /** @return the x value at a horizontal pixel position */
        double xAt(double px) {
            double t = (px - left) / (right - left);
            if (!logX) {
                return xMin + t * (xMax - xMin);
            }
            return Math.pow(10, Math.log10(xMin) + t * (Math.log10(xMax) - Math.log10(xMin)));
        }

        /** @return how far apart two x values are on this axis (in decades on a log axis) */
        double distance(double a, double b) {
            return logX ? Math.abs(Math.log10(a) - Math.log10(b)) : Math.abs(a - b);
        }
    }

    /**
     * @param d         what to draw
     * @param s         where
     * @param p         the colours
     * @param w         width in pixels
     * @param h         height
     * @param withTitle draw the title (exports)
     * @param hoverX    x value of the hover line, NaN for none
     * @param scale     font scale (1 at the default 13 px font)
     * @return the plot area, or null when the chart is too small to draw
     */
    static Frame paint(PlotData d, Surface s, Palette p, double w, double h, boolean withTitle, double hoverX,
                       double scale) {
        if (w < 80 || h < 80) {
            return null;
        }
        double tick = 11 * scale;
        double label = 11.5 * scale;
        Color axis = p.colour("chart-axis", Color.GRAY);
        Color grid = p.colour("chart-grid", Color.LIGHTGRAY);
        Color labelBg = p.colour("chart-label-bg", Color.WHITE);

        double y = 0;
        if (withTitle && !d.title().isEmpty()) {
            s.text(d.title(), 2, 0, 13 * scale, true, p.colour("chart-title", Color.BLACK), Surface.HAlign.LEFT,
                    Surface.VAlign.TOP);
            y += 20 * scale;
        }
        y = legend(d, s, p, w, h, y, tick, scale) + 6 * scale;

        double[] yr = yRange(d);
        List<Double> yTicks = d.logY() ? decadeTicks(yr[0], yr[1]) : linearTicks(yr[0], yr[1]);
        double tickWidth = 0;
        for (double t : yTicks) {
            tickWidth = Math.max(tickWidth, s.textWidth(d.yFormat().tick(t), tick, false));
        }
        double left = Math.ceil(tickWidth + 10 + 18 * scale);
        double right = w - PAD_RIGHT;
        double top = Math.ceil(y + 4);
        double bottom = Math.floor(h - (tick * 1.4 + label * 1.5 + 10));
        if (bottom - top < 30 || right - left < 40) {
            return null;
        }
        Frame f = new Frame(left, right, top, bottom, d.xMin(), d.xMax(), d.logX());
        double lx0 = d.logX() ? Math.log10(d.xMin()) : 0;
        double lx1 = d.logX() ? Math.log10(d.xMax()) : 1;
        Scale sx = d.logX() ? v -> left + (Math.log10(v) - lx0) / (lx1 - lx0) * (right - left)
                : v -> left + (v - d.xMin()) / (d.xMax() - d.xMin()) * (right - left);
        Scale sy = d.logY()
                ? v -> bottom - (Math.log10(v) - Math.log10(yr[0])) / (Math.log10(yr[1]) - Math.log10(yr[0]))
                        * (bottom - top)
                : v -> bottom - (v - yr[0]) / (yr[1] - yr[0]) * (bottom - top);

        // grid, ticks and axis titles
        for (double t : yTicks) {
            double ty = Math.round(sy.at(t)) + 0.5;
            s.line(left, ty, right, ty, grid, 1, 1);
            s.text(d.yFormat().tick(t), left - 6, ty, tick, false, axis, Surface.HAlign.RIGHT, Surface.VAlign.CENTER);
        }
        List<Double> decades = new ArrayList<>();
        if (d.logX()) {
            for (int e = (int) Math.floor(lx0); e <= (int) Math.ceil(lx1); e++) {
                for (int k = 1; k < 10; k++) {
                    double v = k * Math.pow(10, e);
                    if (v < d.xMin() - 1e-9 || v > d.xMax() + 1e-9) {
                        continue;
                    }
                    double tx = Math.round(sx.at(v)) + 0.5;
                    s.line(tx, top, tx, bottom, grid, 1, k == 1 ? 1 : 0.45);
                    if (k == 1) {
                        decades.add(v);
                    }
                }
            }
        } else {
            List<Double> given = d.xFormat().ticks(d.xMin(), d.xMax());
            for (double v : given != null ? given : linearTicks(d.xMin(), d.xMax())) {
                if (v < d.xMin() - 1e-9 || v > d.xMax() + 1e-9) {
                    continue;
                }
                double tx = Math.round(sx.at(v)) + 0.5;
                s.line(tx, top, tx, bottom, grid, 1, 1);
                decades.add(v);
            }
        }
        double widest = decades.stream().mapToDouble(v -> s.textWidth(d.xFormat().tick(v), tick, false)).max()
                .orElse(0);
        double spacing = decades.size() > 1 ? sx.at(decades.get(1)) - sx.at(decades.get(0)) : Double.MAX_VALUE;
        int stride = (int) Math.max(1, Math.ceil((widest + 10) / spacing));
        for (int i = 0; i < decades.size(); i += stride) {
            double v = decades.get(i);
            s.text(d.xFormat().tick(v), sx.at(v), bottom + 5, tick, false, axis, Surface.HAlign.CENTER,
                    Surface.VAlign.TOP);
        }
        s.line(left + 0.5, top, left + 0.5, bottom + 0.5, axis, 1, 1);
        s.line(left, bottom + 0.5, right, bottom + 0.5, axis, 1, 1);
        s.text(d.xLabel(), (left + right) / 2, bottom + 7 + tick * 1.3, label, false, axis, Surface.HAlign.CENTER,
                Surface.VAlign.TOP);
        // the axis title along the plot's height, no further: a small chart card shortens it rather than let it
        // run into the legend above (the card's chooser names the metric in full)
        s.verticalText(fitted(s, d.yLabel(), label, bottom - top), 9 * scale, (top + bottom) / 2, label, axis);

        // data, clipped to the plot area
        s.clip(left, top - 1, right - left + 1, bottom - top + 2);
        for (PlotData.Series ser : d.series()) {
            if (ser.low() != null && ser.high() != null) {
                band(s, ser, sx, sy, d.logY(), p.colour(ser.styleClass(), Color.STEELBLUE));
            }
        }
        for (PlotData.Threshold t : d.thresholds()) {
            if (visible(t.y(), yr, d.logY())) {
                double ty = sy.at(t.y());
                s.line(left, ty, right, ty, p.colour("chart-threshold", Color.RED), 1.5, 1, 7, 5);
            }
        }
        for (PlotData.Series ser : d.series()) {
            Color c = p.colour(ser.styleClass(), Color.STEELBLUE);
            if (ser.scatter()) {
                for (int i = 0; i < ser.x().length; i++) {
                    if (drawable(ser.y()[i], d.logY()) && (ser.x()[i] > 0 || !d.logX())) {
                        s.circle(sx.at(ser.x()[i]), sy.at(ser.y()[i]), 4, c, null, 0);
                    }
                }
            } else {
                line(s, ser.x(), ser.y(), sx, sy, d.logY(), c);
            }
        }
        boolean markerShown = !Double.isNaN(d.marker()) && d.marker() >= d.xMin() && d.marker() <= d.xMax();
        double mx = markerShown ? Math.round(sx.at(d.marker())) + 0.5 : 0;
        if (markerShown) {
            s.line(mx, top, mx, bottom, p.colour("chart-marker", Color.BLACK), 1.5, 1, 3, 3);
        }
        if (!Double.isNaN(hoverX) && hoverX >= d.xMin() && hoverX <= d.xMax()) {
            double hx = Math.round(sx.at(hoverX)) + 0.5;
            s.line(hx, top, hx, bottom, axis, 1, 0.6);
        }
        Color ann = p.colour("chart-annotation", Color.BLACK);
        List<double[]> points = new ArrayList<>();
        for (PlotData.Annotation a : d.annotations()) {
            if (visible(a.y(), yr, d.logY()) && a.x() >= d.xMin() && a.x() <= d.xMax()) {
                double ax = sx.at(a.x());
                double ay = sy.at(a.y());
                s.circle(ax, ay, 4, null, ann, 1.5);
                points.add(new double[]{ax, ay});
            }
        }
        s.unclip();

        // labels: none covers another, none leaves the plot area
        Labels labels = new Labels(s, left + 1, top + 1, right - 1, bottom - 1, labelBg, tick);
        for (double[] pt : points) {
            labels.reserve(pt[0] - 5, pt[1] - 5, 10, 10);
        }
        Color thr = p.colour("chart-threshold", Color.RED);
        for (PlotData.Threshold t : d.thresholds()) {
            if (visible(t.y(), yr, d.logY())) {
                double ty = sy.at(t.y());
                labels.place(t.label(), thr, new double[][]{{right - 4, ty - 3, 2, 2}, {right - 4, ty + 3, 2, 0},
                    {left + 6, ty - 3, 0, 2}, {left + 6, ty + 3, 0, 0}, {(left + right) / 2, ty - 3, 1, 2}});
            }
        }
        if (markerShown && !d.markerLabel().isEmpty()) {
            labels.place(d.markerLabel(), p.colour("chart-marker", Color.BLACK), new double[][]{
                {mx + 5, top + 3, 0, 0}, {mx - 5, top + 3, 2, 0}, {mx + 5, bottom - 3, 0, 2}, {mx - 5, bottom - 3, 2, 2}});
        }
        int i = 0;
        for (PlotData.Annotation a : d.annotations()) {
            if (visible(a.y(), yr, d.logY()) && a.x() >= d.xMin() && a.x() <= d.xMax()) {
                double[] pt = points.get(i++);
                double ax = pt[0];
                double ay = pt[1];
                labels.place(a.label(), ann, new double[][]{{ax, ay - 7, 1, 2}, {ax, ay + 7, 1, 0},
                    {ax + 7, ay - 5, 0, 2}, {ax - 7, ay - 5, 2, 2}, {ax + 7, ay + 5, 0, 0}, {ax - 7, ay + 5, 2, 0}});
            }
        }
        return f;
    }

    /** The share of a chart's height its legend may take; the rest of the entries are counted ("+12"). */
    static final double LEGEND_SHARE = 0.3;

    /**
     * Lays the legend out in rows above the plot and paints it. When it would take more than
     * {@link #LEGEND_SHARE} of the chart's height (the Calibration tab's 27 series in a small window), it shows
     * the rows that fit and ends with the number of entries left out; the hover readout names every series.
     *
     * @return its bottom
     */
    private static double legend(PlotData d, Surface s, Palette p, double w, double h, double top, double size,
                                 double scale) {
        double rowHeight = 16 * scale;
        List<String[]> entries = new ArrayList<>();
        for (PlotData.Series ser : d.series()) {
            entries.add(new String[]{ser.name(), ser.styleClass(), ser.scatter() ? "point" : "line"});
        }
        if (d.anyLowConfidence() && !d.lowLabel().isEmpty()) {
            entries.add(new String[]{d.lowLabel(), "chart-axis", "hatch"});
        }
        if (entries.isEmpty()) {
            return top;
        }
        int maxRows = Math.max(1, (int) Math.floor(h * LEGEND_SHARE / rowHeight));
        // the entries' places, row by row
        double[] xs = new double[entries.size()];
        int[] rows = new int[entries.size()];
        double[] widths = new double[entries.size()];
        double x = 2;
        int row = 0;
        for (int i = 0; i < entries.size(); i++) {
            widths[i] = 22 + s.textWidth(entries.get(i)[0], size, false) + 14;
            if (x > 2 && x + widths[i] > w - 4) {
                x = 2;
                row++;
            }
            xs[i] = x;
            rows[i] = row;
            x += widths[i];
        }
        int shown = entries.size();
        String more = null;
        if (row >= maxRows) {
            // drop entries from the end of the last allowed row until the count of the rest fits after them
            shown = 0;
            while (shown < entries.size() && rows[shown] < maxRows) {
                shown++;
            }
            while (true) {
                more = "+" + (entries.size() - shown);
                double end = shown == 0 || rows[shown - 1] < maxRows - 1 ? 2 : xs[shown - 1] + widths[shown - 1];
                if (shown == 0 || end + s.textWidth(more, size, false) + 4 <= w - 4) {
                    break;
                }
                shown--;
            }
        }
        Color text = p.colour("chart-axis", Color.GRAY);
        for (int i = 0; i < shown; i++) {
            String[] e = entries.get(i);
            double ex = xs[i];
            double ey = top + rowHeight / 2 + rows[i] * rowHeight;
            Color c = p.colour(e[1], Color.STEELBLUE);
            switch (e[2]) {
                case "point" -> s.circle(ex + 8, ey, 4, c, null, 0);
                case "hatch" -> s.hatchPolygon(new double[]{ex, ex + 17, ex + 17, ex},
                        new double[]{ey - 5, ey - 5, ey + 5, ey + 5}, 4, c, 0.9);
                default -> s.line(ex, ey, ex + 17, ey, c, 3, 1);
            }
            s.text(e[0], ex + 22, ey, size, false, text, Surface.HAlign.LEFT, Surface.VAlign.CENTER);
        }
        int lastRow = shown == entries.size() ? row : maxRows - 1;
        if (more != null) {
            double mx = shown == 0 || rows[shown - 1] < lastRow ? 2 : xs[shown - 1] + widths[shown - 1];
            s.text(more, mx, top + rowHeight / 2 + lastRow * rowHeight, size, true, text, Surface.HAlign.LEFT,
                    Surface.VAlign.CENTER);
        }
        return top + (lastRow + 1) * rowHeight;
    }

    /** Greedy label placement: the first candidate that overlaps nothing placed and stays inside wins. */
    private static final class Labels {
        private final Surface s;
        private final double minX;
        private final double minY;
        private final double maxX;
        private final double maxY;
        private final Color background;
        private final double size;
        private final List<double[]> taken = new ArrayList<>();

        Labels(Surface s, double minX, double minY, double maxX, double maxY, Color background, double size) {
            this.s = s;
            this.minX = minX;
            this.minY = minY;
            this.maxX = maxX;
            this.maxY = maxY;
            this.background = background;
            this.size = size;
        }

        void reserve(double x, double y, double w, double h) {
            taken.add(new double[]{x, y, w, h});
        }

        /**
         * @param candidates {x, y, h, v}: anchor, horizontal alignment 0 left / 1 centre / 2 right,
         *                   vertical 0 top / 1 centre / 2 bottom
         * @return true when placed
         */
        boolean place(String text, Color c, double[][] candidates) {
            if (text.isEmpty()) {
                return false;
            }
            double tw = s.textWidth(text, size, false) + 6;
            double th = size * 1.3;
            for (double[] cand : candidates) {
                double x0 = cand[0] - (cand[2] == 0 ? 3 : cand[2] == 1 ? tw / 2 : tw - 3);
                double y0 = cand[1] - (cand[3] == 0 ? 0 : cand[3] == 1 ? th / 2 : th);
                if (x0 < minX || y0 < minY || x0 + tw > maxX || y0 + th > maxY || overlaps(x0, y0, tw, th)) {
                    continue;
                }
                taken.add(new double[]{x0, y0, tw, th});
                s.roundRect(x0, y0, tw, th, 3, background, 0.85);
                s.text(text, x0 + 3, y0 + th / 2, size, false, c, Surface.HAlign.LEFT, Surface.VAlign.CENTER);
                return true;
            }
            return false;
        }

        private boolean overlaps(double x, double y, double w, double h) {
            for (double[] r : taken) {
                if (x < r[0] + r[2] && r[0] < x + w && y < r[1] + r[3] && r[1] < y + h) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void band(Surface s, PlotData.Series ser, Scale sx, Scale sy, boolean logY, Color c) {
        int n = ser.x().length;
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            boolean ok = i < n && drawable(ser.low()[i], logY) && drawable(ser.high()[i], logY);
            if (ok) {
                run.add(i);
                continue;
            }
            if (run.size() >= 2 && spread(ser, run)) {
                polygon(s, ser, run, sx, sy, c, false);
                // hatched where the band is of low confidence (each run extended to its neighbours)
                if (ser.lowConfidence() != null) {
                    List<Integer> low = new ArrayList<>();
                    for (int k = 0; k <= run.size(); k++) {
                        boolean l = k < run.size() && isLow(ser, run, k);
                        if (l) {
                            low.add(run.get(k));
                        } else if (!low.isEmpty()) {
                            hatch(s, ser, run, low, sx, sy, c);
                            low.clear();
                        }
                    }
                }
            }
            run.clear();
        }
    }

    private static boolean isLow(PlotData.Series ser, List<Integer> run, int k) {
        return ser.lowConfidence()[run.get(k)];
    }

    private static void hatch(Surface s, PlotData.Series ser, List<Integer> run, List<Integer> low, Scale sx, Scale sy,
                              Color c) {
        int first = run.indexOf(low.get(0));
        int last = run.indexOf(low.get(low.size() - 1));
        List<Integer> span = new ArrayList<>(run.subList(Math.max(0, first - 1), Math.min(run.size(), last + 2)));
        if (span.size() >= 2) {
            polygon(s, ser, span, sx, sy, c, true);
        }
    }

    private static boolean spread(PlotData.Series ser, List<Integer> run) {
        for (int i : run) {
            if (ser.high()[i] - ser.low()[i] > 1e-9 * Math.abs(ser.high()[i])) {
                return true;
            }
        }
        return false;
    }

    private static void polygon(Surface s, PlotData.Series ser, List<Integer> idx, Scale sx, Scale sy, Color c,
                                boolean hatched) {
        int n = idx.size();
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            px[k] = sx.at(ser.x()[i]);
            py[k] = sy.at(ser.high()[i]);
            px[2 * n - 1 - k] = px[k];
            py[2 * n - 1 - k] = sy.at(ser.low()[i]);
        }
        if (hatched) {
            s.hatchPolygon(px, py, 2 * n, c, 0.75);
        } else {
            s.fillPolygon(px, py, 2 * n, c, 0.16);
        }
    }

    private static void line(Surface s, double[] x, double[] y, Scale sx, Scale sy, boolean logY, Color c) {
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        int n = 0;
        for (int i = 0; i <= x.length; i++) {
            if (i < x.length && drawable(y[i], logY)) {
                px[n] = sx.at(x[i]);
                py[n] = sy.at(y[i]);
                n++;
                continue;
            }
            if (n >= 2) {
                s.polyline(px, py, n, c, 2.2);
            }
            n = 0;
        }
    }

    /**
     * @return the text, or as much of it as fits in {@code max} with an ellipsis: whole words when they fit,
     * else {@link Surface#fit}'s cut
     */
    static String fitted(Surface s, String text, double size, double max) {
        if (text == null || text.isEmpty() || s.textWidth(text, size, false) <= max) {
            return text;
        }
        String ellipsis = "\u2026";
        for (int cut = text.lastIndexOf(' '); cut > 0; cut = text.lastIndexOf(' ', cut - 1)) {
            String head = text.substring(0, cut).stripTrailing() + ellipsis;
            if (s.textWidth(head, size, false) <= max) {
                return head;
            }
        }
        // no word fits: cut inside the first one, or show nothing when not even one letter does
        String cut = s.fit(text, max, size, false);
        return s.textWidth(cut, size, false) <= max ? cut : "";
    }

    private static boolean drawable(double v, boolean logY) {
        return !Double.isNaN(v) && !Double.isInfinite(v) && (!logY || v > 0);
    }

    private static boolean visible(double v, double[] yr, boolean logY) {
        return (!logY || v > 0) && v >= yr[0] && v <= yr[1];
    }

    /** @return {min, max} of the y axis: whole decades on a log axis, from 0 on a linear one */
    static double[] yRange(PlotData d) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (PlotData.Series s : d.series()) {
            for (int i = 0; i < s.y().length; i++) {
                double[] vs = {s.y()[i], s.low() == null ? s.y()[i] : s.low()[i],
                    s.high() == null ? s.y()[i] : s.high()[i]};
                for (double v : vs) {
                    if (drawable(v, d.logY())) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        for (PlotData.Threshold t : d.thresholds()) {
            if (drawable(t.y(), d.logY())) {
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

    static List<Double> decadeTicks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        int e0 = (int) Math.round(Math.log10(lo));
        int e1 = (int) Math.round(Math.log10(hi));
        int stride = Math.max(1, (e1 - e0 + 5) / 6);
        for (int e = e0; e <= e1; e += stride) {
            out.add(Math.pow(10, e));
        }
        return out;
    }

    static List<Double> linearTicks(double lo, double hi) {
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

    @FunctionalInterface
    private interface Scale {
        double at(double v);
    }
}
