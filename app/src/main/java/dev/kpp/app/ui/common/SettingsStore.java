package dev.kpp.app.ui.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Small persistent key/value settings (window state, theme, recent files). Backed by
 * {@link java.util.prefs.Preferences} node {@code dev/kpp/app}; tests use {@link #inMemory()}.
 */
public interface SettingsStore {
    /** @return the value, or {@code fallback} when unset */
    String get(String key, String fallback);

    /** Stores a value; {@code null} removes it. */
    void put(String key, String value);

    /** Writes pending changes. */
    default void flush() {
    }

    /** @return a store on the user's preferences node {@code dev/kpp/app} */
    static SettingsStore userPreferences() {
        return preferences(Preferences.userRoot().node("dev/kpp/app"));
    }

    /** @return a store on a given preferences node */
    static SettingsStore preferences(Preferences node) {
        return new SettingsStore() {
            @Override
            public String get(String key, String fallback) {
                return node.get(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                if (value == null) {
                    node.remove(key);
                } else {
                    node.put(key, value);
                }
            }

            @Override
            public void flush() {
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    System.getLogger(SettingsStore.class.getName())
                            .log(System.Logger.Level.WARNING, "cannot save settings: " + e.getMessage());
                }
            }
        };
    }

    /** @return a store that forgets everything at exit (tests) */
    static SettingsStore inMemory() {
        Map<String, String> map = new ConcurrentHashMap<>();
        return new SettingsStore() {
            @Override
            public String get(String key, String fallback) {
                return map.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                if (value == null) {
                    map.remove(key);
                } else {
                    map.put(key, value);
                }
            }
        };
    }
}
