package dev.kpp.app.ui.chart;

import java.util.List;

/**
 * What a {@link LogChart} draws. Pure data: ViewModels build it without touching JavaFX nodes.
 *
 * @param xLabel      x axis title
 * @param yLabel      y axis title
 * @param logY        logarithmic y axis
 * @param xMin        left end (positive; the x axis is logarithmic)
 * @param xMax        right end
 * @param series      lines with optional bands
 * @param marker      x of the vertical "current scenario" marker, or NaN for none
 * @param markerLabel text at the top of the marker
 * @param thresholds  horizontal budget lines
 * @param annotations labelled points (crossovers)
 */
public record PlotData(String xLabel, String yLabel, boolean logY, double xMin, double xMax, List<Series> series,
                       double marker, String markerLabel, List<Threshold> thresholds, List<Annotation> annotations) {
    public PlotData {
        series = List.copyOf(series);
        thresholds = List.copyOf(thresholds);
        annotations = List.copyOf(annotations);
        if (!(xMin > 0) || !(xMax > xMin)) {
            throw new IllegalArgumentException("x range must be positive and increasing");
        }
    }

    /**
     * One line.
     *
     * @param name       legend text
     * @param styleClass CSS class giving its colour (e.g. {@code mode-iptables})
     * @param x          x values, ascending
     * @param y          y values
     * @param low        band low ends (same length), or null for no band
     * @param high       band high ends, or null
     * @param scatter    true to draw points (e.g. measurements) instead of a line
     */
    public record Series(String name, String styleClass, double[] x, double[] y, double[] low, double[] high,
                         boolean scatter) {
        /** A line with an optional band. */
        public Series(String name, String styleClass, double[] x, double[] y, double[] low, double[] high) {
            this(name, styleClass, x, y, low, high, false);
        }

        public Series {
            if (x.length != y.length || (low != null && low.length != x.length)
                    || (high != null && high.length != x.length)) {
                throw new IllegalArgumentException("series arrays must have equal lengths");
            }
        }
    }

    /**
     * A horizontal line, e.g. a budget.
     *
     * @param label text at its right end
     * @param y     value
     */
    public record Threshold(String label, double y) {
    }

    /**
     * A labelled point, e.g. a crossover.
     *
     * @param x     x
     * @param y     y
     * @param label short text, e.g. "12.4k"
     */
    public record Annotation(double x, double y, String label) {
    }
}
