package dev.kpp.app.report.chart;

/**
 * A chart drawn from the plan's data on any {@link Canvas}: the PDF draws it as vectors with
 * searchable text, the Markdown report writes it as SVG and PNG. Layout is computed from the fonts'
 * own metrics, so every backend puts every label at the same place.
 */
public sealed interface Chart permits LineChart, TornadoChart {
    /** @return the chart's title (drawn at its top) */
    String title();

    /** @return the height the chart needs at this width, in points */
    double height(double width);

    /** Draws the chart into a {@code width} x {@code height} box at the canvas origin. */
    void draw(Canvas canvas, double width, double height);
}
