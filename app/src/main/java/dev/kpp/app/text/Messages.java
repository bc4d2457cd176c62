package dev.kpp.app.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing wording from {@code dev/kpp/app/l10n/messages.properties}. The CLI and reports pin
 * it to English ({@link Locale#ROOT}) so golden files are stable.
 */
public final class Messages {
    private static final ResourceBundle.Control PROPERTIES =
            ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Messages ENGLISH = new Messages(Locale.ROOT);
    private final ResourceBundle bundle;

    /** @param locale the locale to load */
    public Messages(Locale locale) {
        // properties files only: without a Control, getBundle first asks the ServiceLoader for bundle control
        // providers, which reads every jar on the class path (59 for the command line), then looks for a class
        // of the bundle's name in each; half of the 55 ms a first bundle took (docs/benchmarks.md, "Start-up")
        this.bundle = ResourceBundle.getBundle("dev.kpp.app.l10n.messages", locale, PROPERTIES);
    }

    /** @return the English bundle used by the CLI and reports */
    public static Messages english() {
        return ENGLISH;
    }

    /** @return the text for {@code key} with {@code {0}} placeholders filled; the key itself if missing */
    public String get(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            // a pattern without arguments is plain text unless it escapes apostrophes MessageFormat-style ('')
            return args.length == 0 && !pattern.contains("''") ? pattern
                    : new MessageFormat(pattern, Locale.ROOT).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** @return true when the bundle has the key */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
