package dev.kpp.importer.file;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct string of a file (node names, namespaces, port names), so 100,000
 * endpoints share a few hundred strings. Not thread-safe: one per reading thread.
 */
final class Interner {
    private final Map<String, String> strings = new HashMap<>();

    /** @return the one instance of {@code s} kept ("" for null or empty) */
    String intern(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String prev = strings.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }
}
