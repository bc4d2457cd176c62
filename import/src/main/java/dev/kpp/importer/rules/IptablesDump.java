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
        c.putAll(walks());
        return new RuleDumpSummary(source, "iptables-save", c);
    }

    /** Most service ports walked per direction; larger dumps are sampled evenly along the chain. */
    static final int MAX_WALKED_PORTS = 1_000;
    /** Documentation addresses (RFC 5737) for a client outside the cluster and the node it reaches. */
    static final String EXTERNAL_CLIENT = "203.0.113.200";
    static final String NODE_ADDRESS = "192.0.2.10";

    /**
     * The rules a new connection evaluates, walked through this dump: for a pod connecting to every
     * ClusterIP port and an external client connecting to every NodePort (sampled evenly when there are
     * more than {@link #MAX_WALKED_PORTS}). Kept as counts ({@code walk/clusterIp/meanMilli}: the mean in
     * thousandths of a rule with each port at a random chain position, as the model takes it;
     * {@code dumpOrderMeanMilli} the mean in the dump's own order; {@code p50}, {@code p99}, {@code worst},
     * {@code ports}, {@code walked}), so a snapshot keeps them.
     */
    Map<String, Long> walks() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!hasChain("nat", "KUBE-SERVICES")) {
            return out;
        }
        String podIp = podAddress();
        try {
            put(out, "walk/clusterIp", IptablesConnectionCost.clusterIp(this, podIp, MAX_WALKED_PORTS));
            if (hasChain("nat", "KUBE-NODEPORTS")) {
                put(out, "walk/nodePort", IptablesConnectionCost.nodePorts(this, EXTERNAL_CLIENT, NODE_ADDRESS,
                        MAX_WALKED_PORTS));
            }
        } catch (IllegalArgumentException | IllegalStateException unwalkable) {
            // chains that jump in a loop, or ports, marks and probabilities kube-proxy never writes: the dump's
            // rule counts stand, but no walk is claimed for it (walk/skipped tells the reader why there is none)
            out.clear();
            out.put("walk/skipped", 1L);
        }
        return out;
    }

    private static void put(Map<String, Long> out, String prefix, IptablesConnectionCost.Sample sample) {
        List<IptablesConnectionCost.Cost> costs = sample.costs();
        if (costs.isEmpty()) {
            return;
        }
        double[] total = costs.stream().mapToDouble(x -> x.natRules() + x.filterRules() + x.postroutingRules())
                .sorted().toArray();
        if (!(total[0] >= 0) || !Double.isFinite(total[total.length - 1])) {
            throw new IllegalStateException("a walked path has no finite, non-negative rule count");
        }
        double inDumpOrder = java.util.Arrays.stream(total).average().orElse(0);
        // the model's mean takes each port at a random position of the scanned chain; so does this one
        double randomOrder = costs.stream().mapToDouble(x -> x.natRulesRandomOrder() + x.filterRules()
                + x.postroutingRules()).average().orElse(0);
        out.put(prefix + "/ports", (long) sample.ports());
        out.put(prefix + "/walked", (long) costs.size());
        if (!(randomOrder >= 0) || !Double.isFinite(randomOrder)) {
            throw new IllegalStateException("a walked mean is not a finite, non-negative rule count");
        }
        out.put(prefix + "/meanMilli", Math.round(randomOrder * 1000));
        out.put(prefix + "/dumpOrderMeanMilli", Math.round(inDumpOrder * 1000));
        out.put(prefix + "/p50", Math.round(rank(total, 0.5)));
        out.put(prefix + "/p99", Math.round(rank(total, 0.99)));
        out.put(prefix + "/worst", Math.round(total[total.length - 1]));
    }

    private static double rank(double[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /**
     * @return an address inside the cluster CIDR kube-proxy masquerades outside of (the {@code ! -s CIDR} of
     *         its service chains), or a private address when the dump has none
     */
    String podAddress() {
        for (Map.Entry<String, List<IptablesRule>> e : tables.getOrDefault("nat", Map.of()).entrySet()) {
            if (!e.getKey().startsWith("KUBE-SVC-") && !e.getKey().equals("KUBE-SERVICES")) {
                continue;
            }
            for (IptablesRule r : e.getValue()) {
                List<String> a = r.args();
                for (int i = 0; i + 2 < a.size(); i++) {
                    if (a.get(i).equals("!") && a.get(i + 1).equals("-s") && a.get(i + 2).contains("/")) {
                        String address = insideOf(a.get(i + 2));
                        if (address != null) {
                            return address;
                        }
                    }
                }
            }
        }
        return "10.255.255.254";
    }

    /** @return the fifth address of an IPv4 CIDR (a pod address that is no network or gateway), or null */
    static String insideOf(String cidr) {
        String[] parts = cidr.split("/");
        String[] o = parts[0].split("\\.");
        if (o.length != 4) {
            return null;
        }
        try {
            long ip = 0;
            for (String x : o) {
                ip = ip << 8 | Integer.parseInt(x);
            }
            int prefix = Integer.parseInt(parts[1]);
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            long host = (ip & mask) + 5;
            return (host >> 24 & 255) + "." + (host >> 16 & 255) + "." + (host >> 8 & 255) + "." + (host & 255);
        } catch (NumberFormatException e) {
            return null;
        }
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
