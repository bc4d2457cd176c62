package dev.kpp.app.text;

/**
 * Makes text from inputs (names, paths, messages quoting them) safe to print on a terminal:
 * control characters (C0 including ESC, DEL, C1), line breaks (CR, LF, U+2028, U+2029) and the
 * bidirectional controls that reorder what follows them (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069) are shown as visible escapes ({@code \n}, {@code \x1b}, {@code \u202e}), so a
 * name can neither clear the screen, move the cursor, forge a line nor reverse the text after it.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** @return the text with every unsafe character escaped ("" for null) */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        int first = firstUnsafe(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            if (!unsafe(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x80) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /** @return the text escaped line by line: its own line breaks kept, the rest of each line escaped */
    public static String escapeLines(String text) {
        if (text == null || firstUnsafe(text.replace("\n", "")) < 0) {
            return text == null ? "" : text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            sb.append(escape(text.substring(start, nl))).append('\n');
            start = nl + 1;
        }
        return sb.append(escape(text.substring(start))).toString();
    }

    private static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)))) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c);
    }
}
