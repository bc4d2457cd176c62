package dev.kpp.model.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which source a row comes from, read from its {@code source_url_or_ref} column: the first reference, without
 * scheme, {@code www.}, {@code github.com/}, a {@code blob/<ref>/} segment or a trailing file name, so a KEP's
 * text and its chart, or an issue's several numbers, count as one source. Leave-source-out leaves out all rows
 * with the same key.
 */
final class SourceKeys {
    private SourceKeys() {
    }

    static String of(BenchmarkPoint p) {
        String ref = p.sourceRef();
        int semi = ref.indexOf(" ; ");
        if (semi >= 0) {
            ref = ref.substring(0, semi);
        }
        List<String> tokens = new ArrayList<>();
        for (String t : ref.trim().split("\\s+")) {
            if (t.startsWith("(") || t.startsWith("'") || t.startsWith("\"")) {
                break;
            }
            tokens.add(t);
        }
        String k = String.join("/", tokens).toLowerCase(Locale.ROOT);
        k = k.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "").replaceFirst("^github\\.com/", "");
        k = k.replaceAll("/blob/[^/]+/", "/");
        while (k.endsWith("/")) {
            k = k.substring(0, k.length() - 1);
        }
        int slash = k.lastIndexOf('/');
        if (slash > 0 && k.substring(slash + 1).contains(".") && k.indexOf('/') < slash) {
            k = k.substring(0, slash);
        }
        return k.isEmpty() ? p.sourcePrefix() : k;
    }
}
