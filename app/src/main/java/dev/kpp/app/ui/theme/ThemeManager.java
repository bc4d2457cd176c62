package dev.kpp.app.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.kpp.app.ui.settings.ThemeChoice;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Applies the light or dark theme: AtlantaFX Primer as the user-agent stylesheet, plus kpp's
 * {@code app.css} and, when dark, {@code app-dark.css} (which redefines only the named colours).
 */
public final class ThemeManager {
    private final String appCss = ThemeManager.class.getResource("app.css").toExternalForm();
    private final String darkCss = ThemeManager.class.getResource("app-dark.css").toExternalForm();
    private final boolean systemDark;
    private Consumer<Boolean> onApplied = d -> { };

    /** @return the stylesheets of the light theme (chart exports are always light) */
    public static java.util.List<String> lightStylesheets() {
        return java.util.List.of(ThemeManager.class.getResource("app.css").toExternalForm());
    }

    /** @param systemDark whether the OS prefers dark (see {@link #detectSystemDark()}) */
    public ThemeManager(boolean systemDark) {
        this.systemDark = systemDark;
    }

    /** @param listener told whether the applied theme is dark */
    public void setOnApplied(Consumer<Boolean> listener) {
        this.onApplied = listener;
    }

    /**
     * Makes the theme's AtlantaFX stylesheet the application's user-agent stylesheet. Called before the first
     * control is created, JavaFX never loads its own Modena theme: a control's class loads Modena when it
     * finds no user-agent stylesheet set (docs/adr/0106).
     *
     * @param choice the theme chosen
     * @return whether that theme is dark
     */
    public boolean applyUserAgent(ThemeChoice choice) {
        boolean dark = choice == ThemeChoice.DARK || (choice == ThemeChoice.SYSTEM && systemDark);
        // the theme's binary form: JavaFX reads it in a third of the time it takes to parse the CSS (docs/benchmarks.md)
        String ua = dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!ua.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(ua);
        }
        return dark;
    }

    /** Applies a theme choice to a scene. */
    public void apply(Scene scene, ThemeChoice choice) {
        boolean dark = applyUserAgent(choice);
        scene.getStylesheets().setAll(dark ? java.util.List.of(appCss, darkCss) : java.util.List.of(appCss));
        if (dark) {
            if (!scene.getRoot().getStyleClass().contains(Styles.DARK)) {
                scene.getRoot().getStyleClass().add(Styles.DARK);
            }
        } else {
            scene.getRoot().getStyleClass().remove(Styles.DARK);
        }
        onApplied.accept(dark);
    }

    /**
     * Guesses whether the desktop prefers a dark theme: {@code GTK_THEME} ending in {@code :dark}, or
     * GNOME's {@code color-scheme} set to {@code prefer-dark} (JavaFX 21 has no platform API for it).
     */
    public static boolean detectSystemDark() {
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(800, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroy();
                return false;
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return out.contains("dark");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
