package dev.kpp.app.ui.chart;

import javafx.scene.paint.Color;

/**
 * Paints a {@link TornadoData} on a {@link Surface}: the legend on top, one row per input (its name and
 * the figure on the left, the lowered half-bar above the raised one, each ending in the figure's value),
 * a zero line and a change axis below. Half-bars never share a row, so their values never overlap.
 */
final class TornadoPainter {
    /** Colour roles beside the line chart's. */
    static final String[] ROLES = {"tornado-lower", "tornado-raise"};

    private TornadoPainter() {
    }

    private static double half(double scale) {
        return 11 * scale;
    }

    private static double gap(double scale) {
        return 12 * scale;
    }

    private static double legendHeight(double scale) {
        return 22 * scale;
    }

    private static double axisHeight(double scale) {
        return 36 * scale;
    }

    /** @return the height the chart needs for its bars at a font scale */
    static double height(TornadoData d, double scale) {
        int n = d == null ? 0 : d.bars().size();
        return legendHeight(scale) + n * (2 * half(scale) + gap(scale)) + axisHeight(scale);
    }

    static void paint(TornadoData d, Surface s, Palette p, double w, double h, double scale) {
        if (d == null || d.bars().isEmpty() || w < 160 || h < 60) {
            return;
        }
        double label = 11.5 * scale;
        double small = 10.5 * scale;
        double half = half(scale);
        double gap = gap(scale);
        Color text = p.colour("chart-title", Color.BLACK);
        Color muted = p.colour("chart-axis", Color.GRAY);
        Color grid = p.colour("chart-grid", Color.LIGHTGRAY);
        Color lower = p.colour("tornado-lower", Color.STEELBLUE);
        Color raise = p.colour("tornado-raise", Color.ORANGE);

        double labelW = 0;
        double textW = 0;
        double maxChange = 0;
        for (TornadoData.Bar b : d.bars()) {
            labelW = Math.max(labelW, Math.max(s.textWidth(b.label(), label, true), s.textWidth(b.sublabel(), small,
                    false)));
            textW = Math.max(textW, Math.max(s.textWidth(b.lowText(), small, false), s.textWidth(b.highText(), small,
                    false)));
            maxChange = Math.max(maxChange, Math.max(Math.abs(b.lowChange()), Math.abs(b.highChange())));
        }
        labelW = Math.min(labelW, w * 0.36);
        double plotLeft = labelW + 14;
        double plotRight = w - 6;
        double zero = (plotLeft + plotRight) / 2;
        double span = Math.max(20, (plotRight - plotLeft) / 2 - textW - 8);
        double axisMax = niceCeil(maxChange == 0 ? 1 : maxChange);

        // legend
        double ly = legendHeight(scale) / 2 - 2;
        s.roundRect(plotLeft, ly - 5 * scale, 14 * scale, 10 * scale, 2, lower, 1);
        s.text(d.lowLegend(), plotLeft + 19 * scale, ly, small, false, text, Surface.HAlign.LEFT, Surface.VAlign.CENTER);
        double x2 = plotLeft + 19 * scale + s.textWidth(d.lowLegend(), small, false) + 18 * scale;
        s.roundRect(x2, ly - 5 * scale, 14 * scale, 10 * scale, 2, raise, 1);
        s.text(d.highLegend(), x2 + 19 * scale, ly, small, false, text, Surface.HAlign.LEFT, Surface.VAlign.CENTER);

        double top = legendHeight(scale);
        double bottom = top + d.bars().size() * (2 * half + gap);
        for (int k = -2; k <= 2; k++) {
            double v = axisMax * k / 2;
            double x = Math.round(zero + span * v / axisMax) + 0.5;
            s.line(x, top - 2, x, bottom, k == 0 ? muted : grid, 1, 1);
            s.text(d.changeFormat().tick(v), x, bottom + 4, small, false, muted, Surface.HAlign.CENTER,
                    Surface.VAlign.TOP);
        }
        s.text(d.axisLabel(), zero, bottom + 6 + small * 1.4, small, false, muted, Surface.HAlign.CENTER,
                Surface.VAlign.TOP);

        double y = top + gap / 2;
        for (TornadoData.Bar b : d.bars()) {
            s.text(s.fit(b.label(), labelW, label, true), 0, y + half - 1, label, true, text, Surface.HAlign.LEFT,
                    Surface.VAlign.BOTTOM);
            s.text(s.fit(b.sublabel(), labelW, small, false), 0, y + half + 1, small, false, muted,
                    Surface.HAlign.LEFT, Surface.VAlign.TOP);
            bar(s, zero, span, axisMax, y, half, b.lowChange(), b.lowText(), lower, text, small);
            bar(s, zero, span, axisMax, y + half, half, b.highChange(), b.highText(), raise, text, small);
            y += 2 * half + gap;
        }
    }

    private static void bar(Surface s, double zero, double span, double axisMax, double y, double half, double change,
                            String value, Color c, Color text, double size) {
        double end = zero + span * Math.max(-axisMax, Math.min(axisMax, change)) / axisMax;
        double x0 = Math.min(zero, end);
        double bw = Math.max(1, Math.abs(end - zero));
        s.roundRect(x0, y + 1, bw, half - 2, 2, c, 0.9);
        if (change >= 0) {
            s.text(value, Math.max(end, zero) + 4, y + half / 2, size, false, text, Surface.HAlign.LEFT,
                    Surface.VAlign.CENTER);
        } else {
            s.text(value, end - 4, y + half / 2, size, false, text, Surface.HAlign.RIGHT, Surface.VAlign.CENTER);
        }
    }

    /** @return the smallest 1, 2, 2.5 or 5 times a power of ten at or above v */
    static double niceCeil(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= v - 1e-12) {
                return m * mag;
            }
        }
        return 10 * mag;
    }
}
