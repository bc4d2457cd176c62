package dev.kpp.model.rules;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.TrafficPolicy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * nftables mode: a fixed set of base chains dispatching through verdict maps
 * ({@code service-ips}, {@code service-nodeports}, {@code no-endpoint-*}, {@code firewall-ips}),
 * one service chain per Service port with a single {@code numgen random mod E vmap} rule, and
 * endpoint chains of two rules (pkg/proxy/nftables/proxier.go; KEP-3866 "General Service
 * dispatch"). Counts equal kube-proxy's own {@code TestOverallNFTablesRules} expectations
 * (kubernetes/kubernetes pkg/proxy/nftables/proxier_test.go at commit 81810de6; checked by
 * {@code NftablesStructureTest}). Formulas in docs/model.md.
 */
public final class NftablesStructure {
    /** Base chains of table {@code ip kube-proxy}. */
    static final long BASE_CHAINS = 16;
    /**
     * Rules in those base chains: 23 in TestOverallNFTablesRules' {@code baseRules} (including the
     * {@code filter-output ... jump cluster-ips-check} and "drop traffic to unallocated ClusterIPs" rules).
     */
    static final long BASE_RULES = 23;
    /** Named sets and maps: cluster-ips, nodeport-ips, service-ips, service-nodeports, no-endpoint-services, no-endpoint-nodeports, firewall-ips. */
    static final long BASE_SETS = 7;

    private NftablesStructure() {
    }

    /**
     * Computes the nftables objects for a workload.
     *
     * @param workload the Service ports
     * @param options  settings
     * @return counts and per-connection figures
     */
    public static ModeStructure compute(Workload workload, StructureOptions options) {
        boolean masq = options.masqueradeAll() || options.localDetector();
        long chains = BASE_CHAINS, rules = BASE_RULES, sets = BASE_SETS;
        long serviceIps = 0, serviceNodePorts = 0, clusterIps = 0, noEndpointServices = 0, noEndpointNodePorts = 0,
                firewallIps = 0, numgenElements = 0, affinitySets = 0;
        long serviceChainRules = 0, endpointChainRules = 0, externalChainRules = 0, firewallChainRules = 0;
        long nodePortPorts = 0;
        long numgenMaps = 0;
        boolean anyAffinity = false;
        for (ShapeGroup g : workload.groups()) {
            ServicePortShape s = g.shape();
            long n = g.count();
            int clusterEps = s.usesClusterEndpoints() ? s.endpoints() : 0;
            int localEps = s.usesLocalEndpoints() ? s.localEndpoints() : 0;
            boolean hasEndpoints = clusterEps > 0 || localEps > 0;
            boolean internalLocal = s.internalPolicy() == TrafficPolicy.LOCAL;
            boolean externalLocal = s.externalPolicy() == TrafficPolicy.LOCAL;
            boolean hasInternal = internalLocal ? localEps > 0 : hasEndpoints;
            boolean hasExternal = externalLocal ? localEps > 0 : hasEndpoints;
            int affinity = s.clientIpAffinity() ? 1 : 0;
            anyAffinity |= affinity == 1;
            clusterIps += n;
            // service-ips holds the ClusterIP when internal endpoints exist and every external destination when
            // any endpoint exists; no-endpoint-services holds the ClusterIP without internal endpoints (reject, or
            // drop for internalTrafficPolicy Local) and the external destinations without external endpoints (drop
            // for externalTrafficPolicy Local with no local endpoint), as syncProxyRules writes them
            serviceIps += n * (hasInternal ? 1 : 0);
            if (hasEndpoints) {
                serviceIps += n * (s.externalIPs() + s.loadBalancerIPs());
            }
            noEndpointServices += n * ((hasInternal ? 0 : 1) + (hasExternal ? 0 : s.externalIPs() + s.loadBalancerIPs()));
            if (s.nodePort()) {
                nodePortPorts += n;
                if (hasEndpoints) {
                    serviceNodePorts += n;
                }
                if (!hasExternal) {
                    noEndpointNodePorts += n;
                }
            }
            // the firewall chain exists for every LoadBalancer port with source ranges, with or without endpoints
            if (s.loadBalancerIPs() > 0 && s.sourceRanges() > 0) {
                firewallIps += n * s.loadBalancerIPs();
                chains += n;
                firewallChainRules += n;
            }
            if (clusterEps > 0) {
                chains += n;
                serviceChainRules += n * ((internalLocal ? 0 : (masq ? 1 : 0)) + (long) affinity * clusterEps + 1);
                numgenElements += n * clusterEps;
                numgenMaps += n;
            }
            if (localEps > 0) {
                chains += n;
                serviceChainRules += n * ((internalLocal ? (masq ? 1 : 0) : 0) + (long) affinity * localEps + 1);
                numgenElements += n * localEps;
                numgenMaps += n;
            }
            if (hasEndpoints && s.externallyAccessible()) {
                chains += n;
                // Cluster: masquerade jump + goto; Local: pod short-circuit (with a local detector), masquerade and
                // short-circuit of node-local traffic, then the goto to the local chain only if a local endpoint exists
                externalChainRules += n * (externalLocal
                        ? (options.localDetector() ? 1 : 0) + 2 + (hasExternal ? 1 : 0)
                        : 1 + (hasExternal ? 1 : 0));
            }
            int endpointChains = clusterEps > 0 ? clusterEps : localEps;
            chains += n * endpointChains;
            endpointChainRules += n * endpointChains * (2L + affinity);
            if (affinity == 1) {
                affinitySets += n * endpointChains;
            }
        }
        rules += serviceChainRules + endpointChainRules + externalChainRules + firewallChainRules;
        sets += affinitySets;
        long elements = serviceIps + serviceNodePorts + clusterIps + noEndpointServices + noEndpointNodePorts
                + firewallIps + options.nodeAddresses();
        long anonymousElements = numgenElements;

        // New pod->ClusterIP connection: filter-prerouting firewall-check (rule + vmap lookup),
        // filter-forward service-endpoints-check (rule + vmap lookup) and cluster-ips-check
        // (2 rules + set lookup); nat-prerouting jump, services vmap, service chain (masquerade
        // rule + numgen vmap), endpoint chain (2 rules), nat-postrouting (2).
        long filterEval = 2 + 2 + 3;
        // + nat-postrouting: the jump to masquerading and its mark check (marked packets walk all 3 rules)
        long natClusterIp = 1 + 1 + (masq ? 1 : 0) + 1 + 2 + 2;
        double lookups = 1 + 1 + 1 + 1 + 1; // firewall-ips, no-endpoint-services, cluster-ips, service-ips, numgen vmap
        PositionMixture clusterIp = new PositionMixture();
        PositionMixture nodePort = new PositionMixture();
        for (ShapeGroup g : workload.groups()) {
            ServicePortShape s = g.shape();
            int affinity = s.clientIpAffinity() ? 1 : 0;
            int eps = s.internalPolicy() == TrafficPolicy.LOCAL ? s.localEndpoints() : s.endpoints();
            if (eps > 0) {
                // the endpoint pick is the numgen rule already counted in natClusterIp: k = 1 adds it. ClientIP
                // affinity tests every endpoint's "ip saddr @affinity-*" rule first and adds the endpoint chain's
                // "update @affinity-*" rule (TestOverallNFTablesRules, svc5)
                clusterIp.add(g.count(), filterEval + natClusterIp - 1 + (long) affinity * (eps + 1), 1, 0, 1);
            }
            int extEps = s.externalPolicy() == TrafficPolicy.LOCAL ? s.localEndpoints() : s.endpoints();
            if (s.nodePort() && extEps > 0) {
                boolean local = s.externalPolicy() == TrafficPolicy.LOCAL;
                // Cluster policy: jump into mark-for-masquerade (one rule), then the whole masquerading chain
                long ext = local ? (options.localDetector() ? 1 : 0) + 3 : 2 + 1;
                long post = local ? 2 : 1 + 3;
                nodePort.add(g.count(), filterEval + 1 + 2 + ext + (masq ? 1 : 0) + 2 + post
                        + (long) affinity * (extEps + 1), 1, 0, 1);
            }
        }
        boolean partialSync = options.kubeProxyVersion().atLeast(1, 31);
        long full = chains + rules + sets + elements + anonymousElements;
        long ports = Math.max(1, workload.servicePorts());
        long perPort = Math.round((full - BASE_CHAINS - BASE_RULES - BASE_SETS) / (double) ports);
        long partial = partialSync ? perPort : full;

        Map<String, Long> breakdown = new LinkedHashMap<>();
        breakdown.put("rules/base", BASE_RULES);
        breakdown.put("rules/service-*", serviceChainRules);
        breakdown.put("rules/external-*", externalChainRules);
        breakdown.put("rules/firewall-*", firewallChainRules);
        breakdown.put("rules/endpoint-*", endpointChainRules);
        breakdown.put("map/service-ips", serviceIps);
        breakdown.put("map/service-nodeports", serviceNodePorts);
        breakdown.put("set/cluster-ips", clusterIps);
        breakdown.put("map/no-endpoint-services", noEndpointServices);
        breakdown.put("map/no-endpoint-nodeports", noEndpointNodePorts);
        breakdown.put("map/firewall-ips", firewallIps);
        breakdown.put("set/nodeport-ips", (long) options.nodeAddresses());
        breakdown.put("vmap/numgen (anonymous)", anonymousElements);

        // Transactions (docs/model.md, "nftables transactions"): creating everything from an empty table adds every
        // object and one anonymous verdict map per numgen rule; a full sync into an existing table first adds and
        // flushes every chain and named set/map ("ensureChain" adds then flushes), then re-adds their contents;
        // a partial sync rewrites one Service port's objects and flushes its chains.
        long txCreate = full + numgenMaps;
        long txFlushAdd = txCreate + chains + sets;
        long txOneService = Math.round((txCreate - BASE_CHAINS - BASE_RULES - BASE_SETS + (chains - BASE_CHAINS))
                / (double) ports);

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("chains", chains);
        counts.put("rules", rules);
        counts.put("sets", sets);
        counts.put("setElements", elements);
        counts.put("mapElements", anonymousElements);
        counts.put("partialSync", partialSync ? 1L : 0L);
        counts.put("affinity", anyAffinity ? 1L : 0L);
        counts.put("numgenMaps", numgenMaps);
        counts.put("txCreate", txCreate);
        counts.put("txFlushAdd", txFlushAdd);
        counts.put("txOneService", txOneService);
        return new ModeStructure(ProxyMode.NFTABLES, rules, counts, breakdown, clusterIp.stats(),
                nodePortPorts > 0 ? nodePort.stats() : RuleCountStats.NONE, lookups, full, partial, full, clusterIp);
    }
}
