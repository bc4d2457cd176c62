package dev.kpp.importer.spi;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts taken from one node rule dump, kept in snapshots (no names or addresses, so they need no
 * redaction).
 *
 * @param source file the dump came from
 * @param kind   {@code iptables-save}, {@code ipvsadm} or {@code nft}
 * @param counts named counts, e.g. {@code nat/KUBE-SERVICES} (rules in a chain),
 *               {@code nat/KUBE-SVC-*} (rules over a chain family), {@code virtualServers}
 */
public record RuleDumpSummary(String source, String kind, Map<String, Long> counts) {
    public RuleDumpSummary {
        source = source == null ? "" : source;
        kind = kind == null ? "" : kind;
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts == null ? Map.of() : counts));
    }

    /** @return a count, 0 when absent */
    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }
}
