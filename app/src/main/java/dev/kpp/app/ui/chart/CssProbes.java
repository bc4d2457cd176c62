package dev.kpp.app.ui.chart;

import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.HashMap;
import java.util.Map;

/**
 * The hidden regions a canvas chart reads its colours from: one per style class, styled by the theme's CSS
 * ({@link Palette}); when a theme changes a colour, the palette forgets what it read and the chart redraws.
 */
final class CssProbes extends Pane {
    private final Map<String, Region> byClass = new HashMap<>();
    private final Palette palette = new Palette(this::probe);
    private final Runnable redraw;

    CssProbes(Runnable redraw) {
        this.redraw = redraw;
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
        for (String role : Palette.ROLES) {
            probe(role);
        }
    }

    Palette palette() {
        return palette;
    }

    /** @return the probe styled with {@code styleClass}, made on first use */
    Region probe(String styleClass) {
        return byClass.computeIfAbsent(styleClass, c -> {
            Region r = new Region();
            r.getStyleClass().addAll("chart-probe", c);
            r.backgroundProperty().addListener(o -> {
                palette.invalidate();
                redraw.run();
            });
            getChildren().add(r);
            return r;
        });
    }
}
