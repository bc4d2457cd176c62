package dev.kpp.model.rules;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.TrafficPolicy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact rule counts of kube-proxy's iptables mode, derived from how {@code syncProxyRules}
 * writes its iptables-restore input (pkg/proxy/iptables/proxier.go). Totals count {@code -A}
 * lines the way kube-proxy's own {@code TestNumberIptablesRules} does: rules in built-in chains
 * (the PREROUTING/OUTPUT/FORWARD jumps) are not part of the restore input and are not counted,
 * but they are evaluated by packets and are part of the per-connection figures.
 *
 * <p>Every formula is listed with its source in docs/model.md.
 */
public final class IptablesStructure {
    /** nat PREROUTING: the "kubernetes service portals" jump met before KUBE-SERVICES. */
    static final int NAT_PREROUTING_JUMPS = 1;
    /** KUBE-SEP-*: the hairpin masquerade check and the DNAT rule. */
    static final int SEP_RULES = 2;

    private IptablesStructure() {
    }

    /** Rule contributions of one Service port. */
    private static final class PortRules {
        long natServices;
        long natNodePorts;
        long svc;
        long svl;
        long ext;
        long fw;
        long sep;
        long xlb;
        long filterServices;
        long filterExternal;
        long filterNodePorts;
        long filterFirewall;
        long chains;
        // what a new connection meets
        boolean clusterIpReachesEndpoint;
        int clusterIpRuleOffset;   // position of the capturing rule inside the port's KUBE-SERVICES block
        int clusterIpChainPrefix;  // rules evaluated in the policy chain before the endpoint pick
        int clusterIpChoices;
        boolean nodePortReachesEndpoint;
        int nodePortPrefix;        // EXT/XLB rules + policy-chain rules before the endpoint pick
        int nodePortChoices;
        boolean nodePortMasqueraded; // Cluster policy: marked for masquerade on the way in

        long nat() {
            return natServices + natNodePorts + svc + svl + ext + fw + sep + xlb;
        }

        long filter() {
            return filterServices + filterExternal + filterNodePorts + filterFirewall;
        }
    }

    /**
     * Computes the rules for a workload.
     *
     * @param workload the Service ports
     * @param options  version and settings
     * @return counts, per-connection evaluations and restore sizes
     */
    public static ModeStructure compute(Workload workload, StructureOptions options) {
        IptablesLayout layout = IptablesLayout.forVersion(options.kubeProxyVersion());
        boolean masqRule = options.masqueradeAll() || options.localDetector();
        boolean partialSync = layout == IptablesLayout.CURRENT && options.kubeProxyVersion().atLeast(1, 27);
        // Later kube-proxy ends every KUBE-FW-* chain with a target-less rule ("other traffic to ... will be
        // dropped by KUBE-PROXY-FIREWALL"); the 2022 TestNumberIptablesRules counts (~1.25/1.26) do not have it.
        boolean fwTrailer = layout == IptablesLayout.CURRENT && options.kubeProxyVersion().atLeast(1, 27);
        // kube-proxy 1.27+ writes the filter KUBE-FIREWALL chain with the "block incoming localnet connections"
        // rule itself when it serves NodePorts on localhost (kubernetes/kubernetes#114470, KEP-3178; rule seen in
        // TestOverallIPTablesRules). 1.31+ adds a "-d 127.0.0.0/8 ... -m nfacct" rule before every NodePort rule
        // (kubernetes/kubernetes#125015; kpp assumes the node's kernel has nfacct, as kube-proxy's images do).
        boolean kubeFirewall = layout == IptablesLayout.CURRENT && options.localhostNodePorts()
                && options.kubeProxyVersion().atLeast(1, 27);
        int nodePortRulesPerPort = layout == IptablesLayout.CURRENT && options.localhostNodePorts()
                && options.kubeProxyVersion().atLeast(1, 31) ? 2 : 1;

        long natServices = 0, natNodePorts = 0, svc = 0, svl = 0, ext = 0, fw = 0, sep = 0, xlb = 0;
        long filterServices = 0, filterExternal = 0, filterNodePorts = 0, filterFirewall = 0, perServiceChains = 0;
        long capturingPorts = 0;
        long nodePortRules = 0;
        PortRules[] perGroup = new PortRules[workload.groups().size()];
        for (int i = 0; i < perGroup.length; i++) {
            ShapeGroup g = workload.groups().get(i);
            PortRules r = layout == IptablesLayout.CURRENT
                    ? current(g.shape(), masqRule, options.localDetector(), fwTrailer, nodePortRulesPerPort)
                    : legacy(g.shape(), masqRule, options.localDetector());
            perGroup[i] = r;
            long n = g.count();
            natServices += n * r.natServices;
            natNodePorts += n * r.natNodePorts;
            svc += n * r.svc;
            svl += n * r.svl;
            ext += n * r.ext;
            fw += n * r.fw;
            sep += n * r.sep;
            xlb += n * r.xlb;
            filterServices += n * r.filterServices;
            filterExternal += n * r.filterExternal;
            filterNodePorts += n * r.filterNodePorts;
            filterFirewall += n * r.filterFirewall;
            perServiceChains += n * r.chains;
            if (r.natServices > 0) {
                capturingPorts += n;
            }
            nodePortRules += n * r.natNodePorts;
        }

        // Constant rules and chains (see docs/model.md, "iptables constants").
        long natConstKubeServices = 1; // final "-m addrtype --dst-type LOCAL -j KUBE-NODEPORTS"
        long markMasq = 1;
        long markDrop = layout == IptablesLayout.LEGACY ? 1 : 0;
        long postrouting = layout == IptablesLayout.LEGACY ? 1 : 3;
        long forward = layout == IptablesLayout.LEGACY ? (options.localDetector() ? 4 : 3) : 3;
        long natTopChains = layout == IptablesLayout.LEGACY ? 5 : 4;
        long filterTopChains = (layout == IptablesLayout.LEGACY ? 3 : 5) + (kubeFirewall ? 1 : 0);
        long kubeFirewallRules = kubeFirewall ? 1 : 0;
        int filterForwardJumps = layout == IptablesLayout.LEGACY ? 3 : 4;

        long kubeServicesLength = natServices + natConstKubeServices;
        long nat = natServices + natConstKubeServices + natNodePorts + svc + svl + ext + fw + sep + xlb + markMasq
                + markDrop + postrouting;
        long filter = filterServices + filterExternal + filterNodePorts + filterFirewall + forward + kubeFirewallRules;

        // A new forwarded connection walks the filter chains kube-proxy hooks for ctstate NEW. A connection
        // marked for masquerade is accepted by KUBE-FORWARD's mark rule (its 2nd) and goes no further.
        long filterEval = filterForwardJumps + filterFirewall + forward + filterServices + filterExternal;
        long filterEvalMarked = layout == IptablesLayout.LEGACY ? 1 + 2 : 2 + filterFirewall + 2;
        // nat POSTROUTING: the jump to KUBE-POSTROUTING, then its first rule returns unmarked packets;
        // marked ones walk the whole chain.
        long postUnmarked = 2;
        long postMarked = 1 + postrouting;

        PositionMixture clusterIp = new PositionMixture();
        PositionMixture nodePort = new PositionMixture();
        // rules one NodePort entry takes in KUBE-NODEPORTS (legacy: MARK + jump; 1.31+: localhost rule + jump)
        int nodePortStep = layout == IptablesLayout.LEGACY ? 2 : nodePortRulesPerPort;
        for (int i = 0; i < perGroup.length; i++) {
            PortRules r = perGroup[i];
            long n = workload.groups().get(i).count();
            if (r.clusterIpReachesEndpoint) {
                long others = capturingPorts - 1;
                // the other ports' rules per position, as an exact fraction (summed in closed form)
                long otherRules = others > 0 ? natServices - r.natServices : 0;
                double base = NAT_PREROUTING_JUMPS + r.clusterIpRuleOffset + r.clusterIpChainPrefix + SEP_RULES
                        + filterEval + postUnmarked;
                clusterIp.add(n, base, capturingPorts, otherRules, Math.max(1, others), r.clusterIpChoices);
            }
            if (r.nodePortReachesEndpoint) {
                long npSlots = nodePortRules / Math.max(1, r.natNodePorts);
                double base = NAT_PREROUTING_JUMPS + (kubeServicesLength - 1) + 1 + nodePortStep + r.nodePortPrefix
                        + SEP_RULES + (r.nodePortMasqueraded ? filterEvalMarked + postMarked : filterEval + postUnmarked);
                nodePort.add(n, base, Math.max(1, npSlots), nodePortStep, r.nodePortChoices);
            }
        }

        Map<String, Long> natBreakdown = new LinkedHashMap<>();
        natBreakdown.put("nat/KUBE-SERVICES", kubeServicesLength);
        natBreakdown.put("nat/KUBE-NODEPORTS", natNodePorts);
        natBreakdown.put("nat/KUBE-SVC-*", svc);
        if (layout == IptablesLayout.CURRENT) {
            natBreakdown.put("nat/KUBE-SVL-*", svl);
            natBreakdown.put("nat/KUBE-EXT-*", ext);
        } else {
            natBreakdown.put("nat/KUBE-XLB-*", xlb);
        }
        natBreakdown.put("nat/KUBE-FW-*", fw);
        natBreakdown.put("nat/KUBE-SEP-*", sep);
        natBreakdown.put("nat/KUBE-MARK-MASQ", markMasq);
        if (markDrop > 0) {
            natBreakdown.put("nat/KUBE-MARK-DROP", markDrop);
        }
        natBreakdown.put("nat/KUBE-POSTROUTING", postrouting);
        natBreakdown.put("filter/KUBE-SERVICES", filterServices);
        natBreakdown.put("filter/KUBE-EXTERNAL-SERVICES", filterExternal);
        natBreakdown.put("filter/KUBE-NODEPORTS", filterNodePorts);
        if (layout == IptablesLayout.CURRENT) {
            natBreakdown.put("filter/KUBE-PROXY-FIREWALL", filterFirewall);
        }
        natBreakdown.put("filter/KUBE-FORWARD", forward);
        if (kubeFirewall) {
            natBreakdown.put("filter/KUBE-FIREWALL", kubeFirewallRules);
        }

        long natChains = natTopChains + perServiceChains;
        long tableFraming = 4; // "*filter", "COMMIT", "*nat", "COMMIT"
        long fullLines = tableFraming + filterTopChains + filter + natChains + nat;
        long partialLines = fullLines;
        if (partialSync) {
            long ports = Math.max(1, workload.servicePorts());
            double changedServiceLines = (nat - kubeServicesLength - natNodePorts - markMasq - postrouting
                    + perServiceChains) / (double) ports;
            partialLines = tableFraming + filterTopChains + filter + natTopChains + kubeServicesLength + natNodePorts
                    + markMasq + postrouting + Math.round(changedServiceLines);
        }

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("nat", nat);
        counts.put("filter", filter);
        counts.put("natChains", natChains);
        counts.put("filterChains", filterTopChains);
        counts.put("kubeServicesLength", kubeServicesLength);
        counts.put("restoreLinesFull", fullLines);
        counts.put("restoreLinesPartial", partialLines);
        counts.put("layoutLegacy", layout == IptablesLayout.LEGACY ? 1L : 0L);
        counts.put("partialSync", partialSync ? 1L : 0L);
        return new ModeStructure(ProxyMode.IPTABLES, nat + filter, counts, natBreakdown, clusterIp.stats(),
                nodePort.stats(), 0, fullLines, partialLines, fullLines, clusterIp);
    }

    /** v1.21+ layout, following the 1.26-era proxier (KUBE-EXT, KUBE-SVL, KUBE-PROXY-FIREWALL). */
    private static PortRules current(ServicePortShape s, boolean masqRule, boolean localDetector,
                                     boolean fwTrailer, int nodePortRulesPerPort) {
        PortRules r = new PortRules();
        int clusterEps = s.usesClusterEndpoints() ? s.endpoints() : 0;
        int localEps = s.usesLocalEndpoints() ? s.localEndpoints() : 0;
        boolean hasEndpoints = clusterEps > 0 || localEps > 0;
        boolean internalLocal = s.internalPolicy() == TrafficPolicy.LOCAL;
        boolean externalLocal = s.externalPolicy() == TrafficPolicy.LOCAL;
        boolean hasInternalEndpoints = internalLocal ? localEps > 0 : hasEndpoints;
        boolean hasExternalEndpoints = externalLocal ? localEps > 0 : hasEndpoints;
        boolean usesExt = hasEndpoints && s.externallyAccessible();
        boolean usesFw = hasEndpoints && s.loadBalancerIPs() > 0 && s.sourceRanges() > 0;
        boolean usesSvc = clusterEps > 0;
        boolean usesSvl = localEps > 0;
        int affinity = s.clientIpAffinity() ? 1 : 0;

        // Internal (ClusterIP) traffic.
        int internalMasq = 0;
        if (hasInternalEndpoints) {
            r.natServices += 1;
            internalMasq = masqRule ? 1 : 0;
        } else {
            r.filterServices += 1; // REJECT (no endpoints) or DROP (no local endpoints)
        }
        // External IPs and load-balancer IPs: captured in KUBE-SERVICES when the service has endpoints.
        if (hasEndpoints) {
            r.natServices += s.externalIPs() + s.loadBalancerIPs();
        }
        if (!hasExternalEndpoints) {
            r.filterExternal += s.externalIPs() + s.loadBalancerIPs();
        }
        if (usesFw) {
            r.filterFirewall += s.loadBalancerIPs();
            r.fw += s.sourceRanges() + (fwTrailer ? 1 : 0);
            r.chains += 1;
        }
        if (s.nodePort()) {
            if (usesExt) {
                r.natNodePorts += nodePortRulesPerPort;
            }
            if (!hasExternalEndpoints) {
                r.filterExternal += 1;
            }
        }
        if (s.healthCheckNodePort() && externalLocal) {
            r.filterNodePorts += 1;
        }
        int extBeforeJump = 0;
        if (usesExt) {
            r.chains += 1;
            if (!externalLocal) {
                r.ext += 1; // masquerade traffic for external destinations
            } else {
                r.ext += (localDetector ? 1 : 0) + 2; // pod traffic shortcut, LOCAL masquerade, LOCAL -> SVC
            }
            extBeforeJump = (int) r.ext;
            if (hasExternalEndpoints) {
                r.ext += 1; // jump to the policy chain
            }
        }
        if (usesSvc) {
            r.chains += 1;
            r.svc += (long) affinity * clusterEps + clusterEps + (internalLocal ? 0 : internalMasq);
        }
        if (usesSvl) {
            r.chains += 1;
            r.svl += (long) affinity * localEps + localEps + (internalLocal ? internalMasq : 0);
        }
        int sepEndpoints = usesSvc ? clusterEps : localEps;
        r.sep += (long) SEP_RULES * sepEndpoints;
        r.chains += sepEndpoints;

        if (hasInternalEndpoints) {
            int choices = internalLocal ? localEps : clusterEps;
            r.clusterIpReachesEndpoint = choices > 0;
            r.clusterIpRuleOffset = 1;
            r.clusterIpChainPrefix = internalMasq + affinity * choices;
            r.clusterIpChoices = choices;
        }
        if (s.nodePort() && usesExt && hasExternalEndpoints) {
            int choices = externalLocal ? localEps : clusterEps;
            int policyMasq = externalLocal == internalLocal ? internalMasq : 0;
            r.nodePortReachesEndpoint = choices > 0;
            r.nodePortMasqueraded = !externalLocal;
            // Cluster policy: KUBE-EXT's masquerade rule jumps into KUBE-MARK-MASQ (one rule) and returns
            r.nodePortPrefix = extBeforeJump + (externalLocal ? 0 : 1) + 1 + policyMasq + affinity * choices;
            r.nodePortChoices = choices;
        }
        return r;
    }

    /** Layout before v1.21 (2 rules per ClusterIP in KUBE-SERVICES), following the ~1.14-1.20 proxier. */
    private static PortRules legacy(ServicePortShape s, boolean masqRule, boolean localDetector) {
        PortRules r = new PortRules();
        boolean externalLocal = s.externalPolicy() == TrafficPolicy.LOCAL;
        int eps = s.endpoints();
        int localEps = s.localEndpoints();
        boolean hasEndpoints = eps > 0;
        int affinity = s.clientIpAffinity() ? 1 : 0;
        if (!hasEndpoints) {
            r.filterServices += 1;
            r.filterExternal += s.externalIPs() + s.loadBalancerIPs() + (s.nodePort() ? 1 : 0);
            return r;
        }
        int clusterIpRules = masqRule ? 2 : 1;
        r.natServices += clusterIpRules;
        r.natServices += 3L * s.externalIPs(); // MARK-MASQ, off-node jump, dst-type LOCAL jump
        r.natServices += s.loadBalancerIPs(); // jump to KUBE-FW-*
        if (s.loadBalancerIPs() > 0) {
            r.chains += 1;
            r.fw += s.loadBalancerIPs() * ((externalLocal ? 0 : 1) + Math.max(1, s.sourceRanges()) + 1L);
        }
        if (s.nodePort()) {
            r.natNodePorts += 2; // MARK-MASQ + jump (Cluster) or loopback MASQ + jump to XLB (Local)
        }
        r.chains += 1; // KUBE-SVC
        r.svc += (long) affinity * eps + eps;
        if (externalLocal && s.externallyAccessible()) {
            r.chains += 1; // KUBE-XLB
            int local = Math.max(localEps, 0);
            r.xlb += (localDetector ? 1 : 0) + 1 + (long) affinity * local + Math.max(local, 1);
        }
        r.sep += (long) SEP_RULES * eps;
        r.chains += eps;

        r.clusterIpReachesEndpoint = true;
        r.clusterIpRuleOffset = clusterIpRules;
        r.clusterIpChainPrefix = affinity * eps;
        r.clusterIpChoices = eps;
        if (s.nodePort()) {
            if (externalLocal) {
                r.nodePortReachesEndpoint = localEps > 0;
                r.nodePortPrefix = (localDetector ? 1 : 0) + 1 + affinity * localEps;
                r.nodePortChoices = localEps;
            } else {
                r.nodePortReachesEndpoint = true;
                r.nodePortMasqueraded = true;
                r.nodePortPrefix = 1 + affinity * eps; // the MARK-MASQ rule jumps into KUBE-MARK-MASQ (one rule)
                r.nodePortChoices = eps;
            }
        }
        return r;
    }
}
