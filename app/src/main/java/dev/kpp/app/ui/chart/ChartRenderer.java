package dev.kpp.app.ui.chart;

import dev.kpp.app.ui.common.ImageExport;

import java.util.List;

/**
 * Renders charts to an image file's bytes: the charts themselves (title, legend, axes, data), no
 * controls, on a light background, at the size asked for. ViewModels call it through this port, so
 * they stay free of JavaFX nodes; {@link ChartImages} implements it (FX thread only).
 */
@FunctionalInterface
public interface ChartRenderer {
    /**
     * @param charts the charts, laid out in a grid of two columns (one column for a single chart)
     * @param format PNG or SVG
     * @param size   the image size in pixels
     * @return the encoded image
     */
    byte[] render(List<PlotData> charts, ImageExport.Format format, ImageExport.Size size);
}
