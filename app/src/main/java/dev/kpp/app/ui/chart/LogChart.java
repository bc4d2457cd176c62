package dev.kpp.app.ui.chart;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;


/**
 * The window's chart: a canvas painted by {@link ChartPainter} and a hover readout that names each
 * mode's value with its unit and stays inside the chart. Colours come from CSS through hidden probe
 * regions ({@link Palette}), so themes restyle it without colour constants. See docs/adr/0101.
 */
public final class LogChart extends Region {
    private final Canvas canvas = new Canvas();
    private final Label readout = new Label();
    private final CssProbes probes = new CssProbes(this::draw);
    private final Palette palette = probes.palette();
    private final ObjectProperty<PlotData> data = new SimpleObjectProperty<>(this, "data");
    private final Rectangle clip = new Rectangle();
    private ChartPainter.Frame frame;
    private double hoverX = Double.NaN;

    public LogChart() {
        getStyleClass().add("log-chart");
        readout.getStyleClass().add("chart-readout");
        readout.setVisible(false);
        readout.setManaged(false);
        readout.setMouseTransparent(true);
        readout.setWrapText(false);
        getChildren().addAll(canvas, probes, readout);
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        data.addListener((obs, o, n) -> {
            if (n != null) {
                n.series().forEach(s -> probes.probe(s.styleClass()));
            }
            hoverX = Double.NaN;
            readout.setVisible(false);
            draw();
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
        setMinSize(200, 150);
        setPrefSize(480, 300);
    }

    /** @return the data drawn; setting it redraws synchronously */
    public ObjectProperty<PlotData> dataProperty() {
        return data;
    }

    /** @return the hover readout's text ("" when hidden; tests) */
    public String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
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

    static double fontScale() {
        return Font.getDefault().getSize() / 13.0;
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        PlotData d = data.get();
        frame = d == null ? null : ChartPainter.paint(d, new FxSurface(canvas.getGraphicsContext2D()), palette, w, h,
                false, hoverX, fontScale());
    }

    private void clearHover() {
        if (!Double.isNaN(hoverX)) {
            hoverX = Double.NaN;
            readout.setVisible(false);
            draw();
        }
    }

    private void hover(MouseEvent e) {
        PlotData d = data.get();
        if (d == null || frame == null || !frame.contains(e.getX(), e.getY())) {
            clearHover();
            return;
        }
        PlotData.Series ref = d.series().stream().filter(s -> !s.scatter()).findFirst().orElse(null);
        if (ref == null || ref.x().length == 0) {
            return;
        }
        double at = frame.xAt(e.getX());
        double[] xs = ref.x();
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (frame.distance(xs[i], at) < frame.distance(xs[best], at)) {
                best = i;
            }
        }
        hoverX = xs[best];
        // "12,300 Services"; a date reads by itself
        StringBuilder sb = new StringBuilder(d.xFormat().value(hoverX));
        if (d.logX()) {
            sb.append(' ').append(d.xLabel());
        }
        for (PlotData.Series s : d.series()) {
            if (s.scatter() || s.x().length != xs.length) {
                continue;
            }
            sb.append('\n').append(s.name()).append(": ").append(d.yFormat().value(s.y()[best]));
            if (s.low() != null && s.high() != null && s.high()[best] - s.low()[best] > 1e-9 * Math.abs(s.high()[best])) {
                sb.append("  (").append(d.yFormat().band(s.low()[best], s.high()[best], s.y()[best])).append(')');
            }
            if (s.lowConfidence() != null && s.lowConfidence()[best] && !d.lowLabel().isEmpty()) {
                sb.append("  *");
            }
        }
        readout.setText(sb.toString());
        readout.setVisible(true);
        readout.applyCss();
        readout.autosize();
        double rw = readout.getWidth();
        double rh = readout.getHeight();
        // its shadow too stays inside the chart, so it never spills onto the next one
        Bounds drawn = readout.getBoundsInLocal();
        double left = Math.max(0, -drawn.getMinX()) + 2;
        double top = Math.max(0, -drawn.getMinY()) + 2;
        double right = Math.max(0, drawn.getMaxX() - rw) + 2;
        double bottom = Math.max(0, drawn.getMaxY() - rh) + 2;
        double rx = e.getX() + 14;
        if (rx + rw + right > getWidth()) {
            rx = e.getX() - 14 - rw;
        }
        rx = Math.max(left, Math.min(getWidth() - rw - right, rx));
        double ry = Math.max(top, Math.min(getHeight() - rh - bottom, e.getY() - rh / 2));
        readout.relocate(rx, ry);
        draw();
    }
}
