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

    private ParserMessages() {
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
