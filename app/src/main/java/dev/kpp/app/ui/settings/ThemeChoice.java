package dev.kpp.app.ui.settings;

/** The user's theme setting. */
public enum ThemeChoice {
    /** Follow the operating system's light/dark preference. */
    SYSTEM,
    /** Always light. */
    LIGHT,
    /** Always dark. */
    DARK
}
