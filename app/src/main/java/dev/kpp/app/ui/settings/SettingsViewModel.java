package dev.kpp.app.ui.settings;

import dev.kpp.app.ui.common.SettingsStore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;

/** Settings applied without a restart: the theme. Persisted as soon as they change. */
public final class SettingsViewModel {
    private static final String THEME_KEY = "theme";
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(this, "theme", ThemeChoice.SYSTEM);

    /** @param store where settings persist */
    public SettingsViewModel(SettingsStore store) {
        try {
            theme.set(ThemeChoice.valueOf(store.get(THEME_KEY, ThemeChoice.SYSTEM.name()).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            theme.set(ThemeChoice.SYSTEM);
        }
        theme.addListener((obs, o, n) -> {
            store.put(THEME_KEY, n.name());
            store.flush();
        });
    }

    /** @return the theme setting */
    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }
}
