package dev.kpp.importer.rules;

import dev.kpp.importer.spi.RuleDumpSummary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code iptables-save} (or {@code ip6tables-save}) dump: tables, chains in dump order
 * and their rules.
 */
public final class IptablesDump {
    private final String source;
    private final Map<String, Map<String, List<IptablesRule>>> tables = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> policies = new LinkedHashMap<>();

    IptablesDump(String source) {
        this.source = source;
    }

    void declareChain(String table, String chain, String policy) {
        tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(chain, c -> new ArrayList<>());
        policies.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(chain, policy);
    }

    void addRule(String table, IptablesRule rule) {
        tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(rule.chain(), c -> new ArrayList<>())
                .add(rule);
    }

    /** @return the file the dump came from */
    public String source() {
        return source;
    }

    /** @return table names in dump order */
    public List<String> tables() {
        return List.copyOf(tables.keySet());
    }

    /** @return chain names of a table in dump order (declared or used) */
    public List<String> chains(String table) {
        return List.copyOf(tables.getOrDefault(table, Map.of()).keySet());
    }

    /** @return true when the table declares or uses the chain */
    public boolean hasChain(String table, String chain) {
        return tables.getOrDefault(table, Map.of()).containsKey(chain);
    }

    /** @return the rules of a chain, empty when it does not exist */
    public List<IptablesRule> rules(String table, String chain) {
        return Collections.unmodifiableList(tables.getOrDefault(table, Map.of()).getOrDefault(chain, List.of()));
    }

    /** @return the policy of a built-in chain ("-" for user chains), or "" */
    public String policy(String table, String chain) {
        return policies.getOrDefault(table, Map.of()).getOrDefault(chain, "");
    }

    /** @return rules ({@code -A} lines) in a table */
    public long ruleCount(String table) {
        long n = 0;
        for (List<IptablesRule> r : tables.getOrDefault(table, Map.of()).values()) {
            n += r.size();
        }
        return n;
    }

    /**
     * Rules summed over the chains of a family: a name ending in {@code -*} is a prefix
     * ({@code KUBE-SVC-*}), anything else one chain.
     */
    public long ruleCount(String table, String chainOrFamily) {
        if (!chainOrFamily.endsWith("*")) {
            return rules(table, chainOrFamily).size();
        }
        String prefix = chainOrFamily.substring(0, chainOrFamily.length() - 1);
        long n = 0;
        for (Map.Entry<String, List<IptablesRule>> e : tables.getOrDefault(table, Map.of()).entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                n += e.getValue().size();
            }
        }
        return n;
    }

    /** @return chains of a family ({@code KUBE-SEP-}) in a table */
    public long chainCount(String table, String prefix) {
        return tables.getOrDefault(table, Map.of()).keySet().stream().filter(c -> c.startsWith(prefix)).count();
    }

    /**
     * The counts kept in snapshots: rules per table, per kube-proxy chain and per chain family,
     * and chain counts per family.
     */
    public RuleDumpSummary summary() {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String table : tables.keySet()) {
            c.put(table + "/rules", ruleCount(table));
            c.put(table + "/chains", (long) tables.get(table).size());
            Map<String, Long> families = new LinkedHashMap<>();
            for (Map.Entry<String, List<IptablesRule>> e : tables.get(table).entrySet()) {
                String chain = e.getKey();
                String family = family(chain);
                if (family.equals(chain)) {
                    if (chain.startsWith("KUBE-")) {
                        c.put(table + "/" + chain, (long) e.getValue().size());
                    }
                } else {
                    families.merge(table + "/" + family, (long) e.getValue().size(), Long::sum);
                    families.merge(table + "/" + family + "#chains", 1L, Long::sum);
                }
            }
            c.putAll(families);
        }
        return new RuleDumpSummary(source, "iptables-save", c);
    }

    /** @return {@code KUBE-SVC-*} for per-service chains, the chain itself otherwise */
    static String family(String chain) {
        for (String p : new String[] {"KUBE-SVC-", "KUBE-SVL-", "KUBE-EXT-", "KUBE-FW-", "KUBE-SEP-", "KUBE-XLB-"}) {
            if (chain.startsWith(p)) {
                return p + "*";
            }
        }
        return chain;
    }
}
