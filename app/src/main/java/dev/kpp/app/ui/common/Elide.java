package dev.kpp.app.ui.common;

/** Shortening of long texts for menus and labels. */
public final class Elide {
    private Elide() {
    }

    /**
     * @param text the text, e.g. a path
     * @param max  the most characters to keep (at least 5)
     * @return the text, or its start and end joined by "…" so that it is {@code max} characters long
     */
    public static String middle(String text, int max) {
        if (max < 5) {
            throw new IllegalArgumentException("max must be at least 5");
        }
        if (text.length() <= max) {
            return text;
        }
        int keep = max - 1;
        int head = keep / 2;
        int tail = keep - head;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }
}
