package dev.kpp.app.ui.chart;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * The window's tornado chart: a canvas painted by {@link TornadoPainter}, as tall as its bars need.
 * Colours come from CSS through hidden probe regions ({@link Palette}), as for {@link LogChart}.
 */
public final class TornadoChart extends Region {
    private final Canvas canvas = new Canvas();
    private final CssProbes probes = new CssProbes(this::draw);
    private final Palette palette = probes.palette();
    private final ObjectProperty<TornadoData> data = new SimpleObjectProperty<>(this, "data");

    public TornadoChart() {
        getStyleClass().add("tornado-chart");
        for (String role : TornadoPainter.ROLES) {
            probes.probe(role);
        }
        getChildren().addAll(canvas, probes);
        data.addListener((obs, o, n) -> {
            requestLayout();
            draw();
        });
        setMinWidth(240);
    }

    /** @return the data drawn; setting it redraws */
    public ObjectProperty<TornadoData> dataProperty() {
        return data;
    }

    @Override
    protected double computePrefHeight(double width) {
        return TornadoPainter.height(data.get(), LogChart.fontScale()) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 560;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        TornadoPainter.paint(data.get(), new FxSurface(canvas.getGraphicsContext2D()), palette, w, h,
                LogChart.fontScale());
    }
}
