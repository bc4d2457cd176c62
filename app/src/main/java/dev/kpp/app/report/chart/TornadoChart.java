package dev.kpp.app.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * A tornado (sensitivity) chart: per input, how far a figure moves when the input is lowered (upper
 * half-bar) and raised (lower half-bar) by the same share, as a change against the figure's base value,
 * longest bar first. Each half-bar ends in the figure's value in its own unit; the two halves never
 * share a row, so their values never overlap.
 *
 * @param title      the title
 * @param lowLegend  legend of the lowered side, e.g. "input −50%"
 * @param highLegend legend of the raised side
 * @param axisLabel  label of the change axis
 * @param bars       the bars, in the order drawn
 */
public record TornadoChart(String title, String lowLegend, String highLegend, String axisLabel, List<Bar> bars)
        implements Chart {
    /**
     * One input.
     *
     * @param label      the input's name
     * @param sublabel   the mode and figure (and its base value)
     * @param lowChange  relative change of the figure with the input lowered (-0.3 = 30% less)
     * @param highChange relative change with the input raised
     * @param lowText    the figure's value with the input lowered
     * @param highText   the figure's value with the input raised
     */
    public record Bar(String label, String sublabel, double lowChange, double highChange, String lowText,
                      String highText) {
    }

    private static final double TITLE = 9.5;
    private static final double LABEL = 7.5;
    private static final double SUB = 6.5;
    private static final double VALUE = 6.5;
    private static final double HALF = 8;
    private static final double GAP = 9;

    public TornadoChart {
        bars = List.copyOf(bars);
    }

    @Override
    public double height(double width) {
        return TITLE + 12 + bars.size() * (2 * HALF + GAP) + 34;
    }

    @Override
    public void draw(Canvas c, double width, double height) {
        c.text(0, TITLE, title, TITLE, true, Palette.TEXT, Canvas.Anchor.START);
        double labelW = 0;
        for (Bar b : bars) {
            labelW = Math.max(labelW, Math.max(ReportFonts.width(b.label(), LABEL, true),
                    ReportFonts.width(b.sublabel(), SUB, false)));
        }
        labelW = Math.min(labelW, width * 0.38);
        double plotLeft = labelW + 10;
        double plotRight = width - 4;
        double textW = 0;
        double maxChange = 0;
        for (Bar b : bars) {
            textW = Math.max(textW, Math.max(ReportFonts.width(b.lowText(), VALUE, false),
                    ReportFonts.width(b.highText(), VALUE, false)));
            maxChange = Math.max(maxChange, Math.max(Math.abs(b.lowChange()), Math.abs(b.highChange())));
        }
        if (maxChange == 0) {
            maxChange = 1;
        }
        double axisMax = niceCeil(maxChange);
        double zero = (plotLeft + plotRight) / 2;
        double half = (plotRight - plotLeft) / 2 - textW - 6;
        double top = TITLE + 12;
        double bottom = top + bars.size() * (2 * HALF + GAP);

        Canvas.Stroke grid = Canvas.Stroke.solid(Palette.GRID, 0.5);
        Canvas.Stroke axis = Canvas.Stroke.solid(Palette.AXIS, 0.7);
        for (int k = -2; k <= 2; k++) {
            double v = axisMax * k / 2;
            double x = zero + half * v / axisMax;
            c.line(x, top - 2, x, bottom, k == 0 ? axis : grid);
            c.text(x, bottom + 9, percent(v), 6.5, false, Palette.MUTED, Canvas.Anchor.MIDDLE);
        }
        c.text(zero, bottom + 19, axisLabel, 7, false, Palette.MUTED, Canvas.Anchor.MIDDLE);

        double y = top;
        for (Bar b : bars) {
            c.text(0, y + HALF + 1, LineChart.fit(b.label(), labelW, LABEL), LABEL, true, Palette.TEXT,
                    Canvas.Anchor.START);
            c.text(0, y + HALF + 1 + SUB + 2, LineChart.fit(b.sublabel(), labelW, SUB), SUB, false, Palette.MUTED,
                    Canvas.Anchor.START);
            half(c, zero, half, axisMax, y, b.lowChange(), b.lowText(), Palette.LOWER);
            half(c, zero, half, axisMax, y + HALF, b.highChange(), b.highText(), Palette.RAISE);
            y += 2 * HALF + GAP;
        }
        double ly = bottom + 30;
        c.rect(plotLeft, ly - 6, 10, 6, Palette.LOWER, null);
        c.text(plotLeft + 14, ly, lowLegend, 7, false, Palette.TEXT, Canvas.Anchor.START);
        double x2 = plotLeft + 14 + ReportFonts.width(lowLegend, 7, false) + 16;
        c.rect(x2, ly - 6, 10, 6, Palette.RAISE, null);
        c.text(x2 + 14, ly, highLegend, 7, false, Palette.TEXT, Canvas.Anchor.START);
    }

    private static void half(Canvas c, double zero, double half, double axisMax, double y, double change, String text,
                             Color color) {
        double end = zero + half * Math.max(-axisMax, Math.min(axisMax, change)) / axisMax;
        double x0 = Math.min(zero, end);
        double w = Math.max(0.6, Math.abs(end - zero));
        c.rect(x0, y + 0.5, w, HALF - 1, color, null);
        if (change >= 0) {
            c.text(Math.max(end, zero) + 3, y + HALF - 1.5, text, VALUE, false, Palette.TEXT, Canvas.Anchor.START);
        } else {
            c.text(end - 3, y + HALF - 1.5, text, VALUE, false, Palette.TEXT, Canvas.Anchor.END);
        }
    }

    private static double niceCeil(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= v - 1e-12) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static String percent(double v) {
        long p = Math.round(v * 100);
        return (p > 0 ? "+" : p < 0 ? "−" : "") + String.format(java.util.Locale.ROOT, "%,d", Math.abs(p)) + "%";
    }
}
