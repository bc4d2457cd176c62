package dev.kpp.app.ui.chart;

import dev.kpp.app.ui.common.ImageExport;
import dev.kpp.app.ui.common.Snapshots;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ChartRenderer} for exports: paints with {@link ChartPainter}, in the light theme's colours
 * whatever the window's theme, as PNG (a canvas snapshot) or SVG (vector, text kept as text).
 */
public final class ChartImages implements ChartRenderer {
    private static final double GAP = 24;
    private static final double MARGIN = 20;
    private final List<String> lightStylesheets;

    /** @param lightStylesheets the stylesheets that define the light theme's chart colours */
    public ChartImages(List<String> lightStylesheets) {
        this.lightStylesheets = List.copyOf(lightStylesheets);
    }

    @Override
    public byte[] render(List<PlotData> charts, ImageExport.Format format, ImageExport.Size size) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("nothing to render");
        }
        Palette palette = lightPalette(charts);
        double w = size.width();
        double h = size.height();
        Color background = palette.colour("chart-export-bg", Color.WHITE);
        int columns = charts.size() == 1 ? 1 : 2;
        int rows = (charts.size() + columns - 1) / columns;
        double cellW = (w - 2 * MARGIN - (columns - 1) * GAP) / columns;
        double cellH = (h - 2 * MARGIN - (rows - 1) * GAP) / rows;
        double scale = Math.max(1, Math.min(cellW / 560, cellH / 340)) * LogChart.fontScale();
        if (format == ImageExport.Format.SVG) {
            SvgSurface svg = new SvgSurface(w, h, background);
            paintAll(charts, svg, palette, columns, cellW, cellH, scale);
            return svg.document().getBytes(StandardCharsets.UTF_8);
        }
        Canvas canvas = new Canvas(w, h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        paintAll(charts, new FxSurface(g), palette, columns, cellW, cellH, scale);
        return Snapshots.png(canvas, 1);
    }

    private static void paintAll(List<PlotData> charts, Surface s, Palette palette, int columns, double cellW,
                                 double cellH, double scale) {
        for (int i = 0; i < charts.size(); i++) {
            double x = MARGIN + (i % columns) * (cellW + GAP);
            double y = MARGIN + (i / columns) * (cellH + GAP);
            s.push(x, y);
            ChartPainter.paint(charts.get(i), s, palette, cellW, cellH, true, Double.NaN, scale);
            s.pop();
        }
    }

    /** @return the light theme's chart colours, read from probe regions in an off-screen scene */
    private Palette lightPalette(List<PlotData> charts) {
        Pane root = new Pane();
        Map<String, Region> probes = new HashMap<>();
        java.util.function.Function<String, Region> add = c -> probes.computeIfAbsent(c, k -> {
            Region r = new Region();
            r.getStyleClass().addAll("chart-probe", k);
            root.getChildren().add(r);
            return r;
        });
        for (String role : Palette.ROLES) {
            add.apply(role);
        }
        add.apply("chart-export-bg");
        charts.forEach(d -> d.series().forEach(s -> add.apply(s.styleClass())));
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(lightStylesheets);
        root.applyCss();
        return new Palette(probes::get);
    }
}
