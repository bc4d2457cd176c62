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
    private static final Messages ENGLISH = new Messages(Locale.ROOT);
    private final ResourceBundle bundle;

    /** @param locale the locale to load */
    public Messages(Locale locale) {
        this.bundle = ResourceBundle.getBundle("dev.kpp.app.l10n.messages", locale);
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
