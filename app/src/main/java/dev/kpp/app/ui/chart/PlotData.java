package dev.kpp.app.ui.chart;

import java.util.List;
import java.util.Objects;

/**
 * What a chart draws. Pure data: ViewModels build it without touching JavaFX nodes, and the same
 * data paints the window's chart and the exported PNG and SVG.
 *
 * @param title       the chart's title (drawn in exports; the window shows it in its chooser)
 * @param xLabel      x axis title
 * @param yLabel      y axis title
 * @param logY        logarithmic y axis
 * @param xMin        left end (positive; the x axis is logarithmic)
 * @param xMax        right end
 * @param series      lines with optional bands
 * @param marker      x of the vertical "current scenario" marker, or NaN for none
 * @param markerLabel text beside the marker
 * @param thresholds  horizontal budget lines
 * @param annotations labelled points (crossovers)
 * @param xFormat     how x values read (ticks and the hover readout)
 * @param yFormat     how y values read, with their unit
 * @param lowLabel    legend text of the hatched low-confidence band ("" when no series has one)
 * @param logX        logarithmic x axis (Services); false for a linear one (months on a date axis)
 */
public record PlotData(String title, String xLabel, String yLabel, boolean logY, double xMin, double xMax,
                       List<Series> series, double marker, String markerLabel, List<Threshold> thresholds,
                       List<Annotation> annotations, Format xFormat, Format yFormat, String lowLabel, boolean logX) {
    /** A chart on a logarithmic x axis (every chart against Services). */
    public PlotData(String title, String xLabel, String yLabel, boolean logY, double xMin, double xMax,
                    List<Series> series, double marker, String markerLabel, List<Threshold> thresholds,
                    List<Annotation> annotations, Format xFormat, Format yFormat, String lowLabel) {
        this(title, xLabel, yLabel, logY, xMin, xMax, series, marker, markerLabel, thresholds, annotations, xFormat,
                yFormat, lowLabel, true);
    }

    public PlotData {
        series = List.copyOf(series);
        thresholds = List.copyOf(thresholds);
        annotations = List.copyOf(annotations);
        Objects.requireNonNull(xFormat, "xFormat");
        Objects.requireNonNull(yFormat, "yFormat");
        title = title == null ? "" : title;
        markerLabel = markerLabel == null ? "" : markerLabel;
        lowLabel = lowLabel == null ? "" : lowLabel;
        if ((logX && !(xMin > 0)) || !(xMax > xMin)) {
            throw new IllegalArgumentException("x range must be increasing (and positive on a log axis)");
        }
    }

    /** How the numbers of one axis read. */
    public interface Format {
        /** @return an axis tick, compact ("10k", "100 ms") */
        String tick(double v);

        /** @return a value in the hover readout, with its unit ("12,300", "230 ms") */
        String value(double v);

        /**
         * @return where a linear axis puts its ticks (e.g. month starts on a date axis), or null for evenly
         *         spaced round numbers
         */
        default List<Double> ticks(double min, double max) {
            return null;
        }

        /** @return a band in the hover readout ("120–450 ms") */
        default String band(double low, double high, double ref) {
            return value(low) + "–" + value(high);
        }
    }

    /**
     * One line.
     *
     * @param name          legend text
     * @param styleClass    CSS class giving its colour (e.g. {@code mode-iptables})
     * @param x             x values, ascending
     * @param y             y values
     * @param low           band low ends (same length), or null for no band
     * @param high          band high ends, or null
     * @param lowConfidence per point: the band there is of low confidence (drawn hatched); null for none
     * @param scatter       true to draw points (e.g. measurements) instead of a line
     */
    public record Series(String name, String styleClass, double[] x, double[] y, double[] low, double[] high,
                         boolean[] lowConfidence, boolean scatter) {
        public Series {
            if (x.length != y.length || (low != null && low.length != x.length)
                    || (high != null && high.length != x.length)
                    || (lowConfidence != null && lowConfidence.length != x.length)) {
                throw new IllegalArgumentException("series arrays must have equal lengths");
            }
        }

        /** @return a line with a band */
        public static Series line(String name, String styleClass, double[] x, double[] y, double[] low, double[] high,
                                  boolean[] lowConfidence) {
            return new Series(name, styleClass, x, y, low, high, lowConfidence, false);
        }

        /** @return measured points */
        public static Series points(String name, String styleClass, double[] x, double[] y) {
            return new Series(name, styleClass, x, y, null, null, null, true);
        }

        /** @return true when some point of the band is of low confidence */
        public boolean anyLowConfidence() {
            if (lowConfidence == null || low == null) {
                return false;
            }
            for (boolean b : lowConfidence) {
                if (b) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A horizontal line, e.g. a budget.
     *
     * @param label text beside it
     * @param y     value
     */
    public record Threshold(String label, double y) {
    }

    /**
     * A labelled point, e.g. a crossover.
     *
     * @param x     x
     * @param y     y
     * @param label short text, e.g. "1,420"
     */
    public record Annotation(double x, double y, String label) {
    }

    /** @return true when a series has a hatched (low-confidence) band */
    public boolean anyLowConfidence() {
        return series.stream().anyMatch(Series::anyLowConfidence);
    }
}
