package dev.kpp.importer.codec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * Rejects text that is not Unicode. Jackson's UTF-8 decoder takes a four-byte sequence for a code
 * point above U+10FFFF (lead bytes F5 to F7, or F4 90 and up) or an overlong four-byte form, and
 * hands back an unpaired surrogate; a {@code \uDC00} escape does the same. Such a string cannot be
 * written as UTF-8, so a snapshot holding one would be saved in a form no reader takes back (a
 * field name) or not as it was read. Both readers therefore treat it as the invalid UTF-8 Jackson
 * itself rejects elsewhere (a CESU-8 surrogate, an F8 lead byte): the same error, with line and
 * column.
 */
public final class WellFormedText {
    private WellFormedText() {
    }

    /** @return the index of the first unpaired surrogate in {@code s}, or -1 when there is none */
    public static int unpaired(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * @return the index (from {@code off}) of the first unpaired surrogate in {@code buf[off, off + len)},
     *         or -1 when there is none
     */
    public static int unpaired(char[] buf, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = buf[i];
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                if (c <= Character.MAX_HIGH_SURROGATE && i + 1 < end && Character.isLowSurrogate(buf[i + 1])) {
                    i++;
                } else {
                    return i - off;
                }
            }
        }
        return -1;
    }

    /**
     * @param p    the parser on the token, whose start is the error's location
     * @param s    a field name or string value just read
     * @param what "field name" or "string", for the message
     * @throws JsonParseException when {@code s} holds an unpaired surrogate
     */
    public static void check(JsonParser p, String s, String what) throws JsonParseException {
        int i = unpaired(s);
        if (i >= 0) {
            throw new JsonParseException(p, String.format("Invalid UTF-8: a %s holds a character that is not "
                    + "Unicode (unpaired surrogate 0x%04x: a byte sequence for a code point above U+10FFFF, an "
                    + "overlong form, or a lone \\u escape)", what, (int) s.charAt(i)), p.currentTokenLocation());
        }
    }

    /**
     * Checks every field name and string value of one parser's token stream: a field name (Jackson
     * hands out one instance per name) once, a JSON string value in the parser's own buffer, so no
     * String is made for a value nobody reads.
     */
    public static final class Checker {
        private static final int NAMES = 512;
        private final String[] checked = new String[NAMES];
        private final boolean buffered;

        /** @param buffered true when the parser's text buffer holds the value (Jackson's JSON parsers) */
        public Checker(boolean buffered) {
            this.buffered = buffered;
        }

        /**
         * Checks the token the parser is on when it is a field name or a string value.
         *
         * @param p a parser just advanced to {@code t}
         * @param t its current token
         * @throws JsonParseException when the name or string holds an unpaired surrogate
         */
        public void check(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int slot = name.hashCode() & (NAMES - 1);
                if (checked[slot] != name) {
                    WellFormedText.check(p, name, "field name");
                    checked[slot] = name;
                }
            } else if (t == JsonToken.VALUE_STRING) {
                if (!buffered) {
                    WellFormedText.check(p, p.getText(), "string");
                    return;
                }
                char[] buf = p.getTextCharacters();
                int off = p.getTextOffset();
                int len = p.getTextLength();
                if (unpaired(buf, off, len) >= 0) {
                    WellFormedText.check(p, new String(buf, off, len), "string");
                }
            }
        }
    }

    /** @return {@code p}, checking every field name and string value it reads */
    public static JsonParser checking(JsonParser p) {
        Checker checker = new Checker(true);
        return new JsonParserDelegate(p) {
            @Override
            public JsonToken nextToken() throws IOException {
                JsonToken t = delegate.nextToken();
                checker.check(delegate, t);
                return t;
            }

            @Override
            public JsonToken nextValue() throws IOException {
                JsonToken t = nextToken();
                return t == JsonToken.FIELD_NAME ? nextToken() : t;
            }
        };
    }
}
