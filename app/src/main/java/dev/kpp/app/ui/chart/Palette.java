package dev.kpp.app.ui.chart;

import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The chart's colours, read from CSS: every role and series style class has a hidden probe region
 * whose background the theme sets ({@code .chart-probe.mode-iptables { -fx-background-color: ... }}),
 * so themes restyle charts without colour constants in Java.
 */
final class Palette {
    /** Roles the painter asks for beside the series' own classes. */
    static final String[] ROLES = {"chart-axis", "chart-grid", "chart-marker", "chart-threshold", "chart-annotation",
        "chart-label-bg", "chart-title"};
    private final Map<String, Color> colours = new HashMap<>();
    private final Function<String, Region> probes;

    /** @param probes the probe region of a style class (created on demand, already styled) */
    Palette(Function<String, Region> probes) {
        this.probes = probes;
    }

    /** @return the colour the theme gives a role or series class, else {@code fallback} */
    Color colour(String styleClass, Color fallback) {
        Color cached = colours.get(styleClass);
        if (cached != null) {
            return cached;
        }
        Region r = probes.apply(styleClass);
        Color c = fallback;
        if (r != null) {
            Background bg = r.getBackground();
            if (bg != null && !bg.getFills().isEmpty()) {
                Paint p = bg.getFills().get(0).getFill();
                if (p instanceof Color col) {
                    c = col;
                    colours.put(styleClass, c);
                }
            }
        }
        return c;
    }

    /** Forgets cached colours (after a theme change). */
    void invalidate() {
        colours.clear();
    }
}
