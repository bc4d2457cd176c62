package dev.kpp.model.rules;

import dev.kpp.model.inventory.ProxyMode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one proxy mode writes into the kernel for a workload, and what a new connection meets.
 *
 * @param mode                  the mode
 * @param rulesTotal            rules (or, for eBPF, load-balancer map entries) the mode owns
 * @param counts                named counts in a stable order (e.g. {@code nat}, {@code filter},
 *                              {@code chains}, {@code virtualServers}, {@code setElements})
 * @param breakdown             rules per chain or object kind, in a stable order
 * @param clusterIp             rule evaluations for a new pod-to-ClusterIP connection
 * @param nodePort              rule evaluations for a new connection arriving on a NodePort
 * @param lookupsPerConnection  hash/set/map lookups for a new pod-to-ClusterIP connection
 * @param syncObjectsFull       objects (restore lines, netlink objects, elements) written by a full sync
 * @param syncObjectsPartial    objects written when one Service changes
 * @param syncObjectsColdStart  objects written by the first sync on a new node
 * @param clusterIpDistribution the full distribution behind {@code clusterIp} (for other quantiles)
 */
public record ModeStructure(ProxyMode mode, long rulesTotal, Map<String, Long> counts, Map<String, Long> breakdown,
                            RuleCountStats clusterIp, RuleCountStats nodePort, double lookupsPerConnection,
                            long syncObjectsFull, long syncObjectsPartial, long syncObjectsColdStart,
                            PositionMixture clusterIpDistribution) {
    public ModeStructure {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        breakdown = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
    }

    /** @return a named count, 0 when absent */
    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }
}
