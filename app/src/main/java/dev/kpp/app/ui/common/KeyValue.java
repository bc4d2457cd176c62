package dev.kpp.app.ui.common;

/**
 * One row of a key/value list in the side panes.
 *
 * @param key      the label
 * @param value    the value text
 * @param fraction 0..1 to draw a proportion bar, or -1 for none
 */
public record KeyValue(String key, String value, double fraction) {
    /** @return a row without a bar */
    public static KeyValue of(String key, String value) {
        return new KeyValue(key, value, -1);
    }
}
