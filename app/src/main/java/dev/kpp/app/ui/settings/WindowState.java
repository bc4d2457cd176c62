package dev.kpp.app.ui.settings;

import dev.kpp.app.ui.common.SettingsStore;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.Locale;

/** Remembers the window's position, size and maximised state between runs. */
public final class WindowState {
    private static final String KEY = "window";
    private final SettingsStore store;

    public WindowState(SettingsStore store) {
        this.store = store;
    }

    /**
     * Restores the last bounds when they are still on a screen, else sizes the window to a sensible
     * default (1480x920, at most 92% of the screen) centred on the primary screen.
     */
    public void restore(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        String[] parts = store.get(KEY, "").split(",");
        if (parts.length == 5) {
            try {
                double x = Double.parseDouble(parts[0]);
                double y = Double.parseDouble(parts[1]);
                double w = Double.parseDouble(parts[2]);
                double h = Double.parseDouble(parts[3]);
                if (w >= 800 && h >= 560 && !Screen.getScreensForRectangle(x + 40, y + 20, 80, 40).isEmpty()) {
                    stage.setX(x);
                    stage.setY(y);
                    stage.setWidth(w);
                    stage.setHeight(h);
                    stage.setMaximized(Boolean.parseBoolean(parts[4]));
                    return;
                }
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        double w = Math.min(1720, screen.getWidth() * 0.92);
        double h = Math.min(1000, screen.getHeight() * 0.92);
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    }

    /** Saves the current bounds. */
    public void save(Stage stage) {
        store.put(KEY, String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        store.flush();
    }
}
