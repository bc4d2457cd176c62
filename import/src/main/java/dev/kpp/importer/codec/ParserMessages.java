package dev.kpp.importer.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's and SnakeYAML's messages made fit for a problem's detail: one line, no
 * {@code [Source: REDACTED ...]} boilerplate, no source snippets, and characters that do not show
 * (a tab, a NUL) named.
 */
public final class ParserMessages {
    private static final Pattern SOURCE = Pattern.compile(
            "\\s*(?:at )?\\[Source: (?:[^\\[\\]]|\\[[^\\]]*\\])*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern YAML_WHERE = Pattern.compile("^\\s*in '[^']*', line (\\d+), column (\\d+):?\\s*$");

    private static final Pattern DECODER_BYTE = Pattern.compile("byte #(\\d+)");

    private ParserMessages() {
    }

    /**
     * Where a decoding failure happened, as {@code byte N} when Jackson's decoder says so.
     *
     * @return e.g. {@code byte 4}, or "" when the message names no offset
     */
    public static String decoderOffset(java.io.CharConversionException e) {
        Matcher m = DECODER_BYTE.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.find() ? "byte " + m.group(1) : "";
    }

    /**
     * The detail for a decoding failure: Jackson takes the encoding from the first bytes (leading
     * NULs mean UTF-16 or UTF-32), so a file that starts with NULs fails here, not in the parser.
     */
    public static String undecodable(java.io.CharConversionException e) {
        return "the bytes are not text in the encoding their start implies (the file should be UTF-8; "
                + "leading NUL bytes read as UTF-16 or UTF-32): " + clean(e.getMessage());
    }

    /** @return the message on one line, without source descriptions or snippets */
    public static String clean(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = SOURCE.matcher(message);
        String s = m.replaceAll(" at $1:$2");
        StringBuilder out = new StringBuilder();
        String[] lines = s.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || YAML_WHERE.matcher(line).matches()) {
                continue;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue; // a snippet of the source and its ^ marker
            }
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(line.strip());
        }
        return out.toString()
                .replace("character '\\t(TAB)'", "a tab")
                .replace("'\\t(TAB)'", "a tab")
                .replace("\\t(TAB)", "tabs")
                .replace("'\t'", "a tab")
                .replace("(Do not use tabs for indentation)", "(YAML indents with spaces, not tabs)")
                .replace("\u0000", "\\0")
                .replace("(code 9)", "(a tab)");
    }
}
