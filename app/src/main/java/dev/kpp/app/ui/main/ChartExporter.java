package dev.kpp.app.ui.main;

/** Saves a chart image the user asked to export (implemented by the main window's ViewModel). */
@FunctionalInterface
public interface ChartExporter {
    /**
     * @param png       the encoded image
     * @param metricKey names the file
     */
    void export(byte[] png, String metricKey);
}
