package dev.kpp.model.rules;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.TrafficPolicy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IPVS mode: one IPVS virtual server per Service IP:port (ClusterIP, external IP, load-balancer IP,
 * and a NodePort per node address), one real server per endpoint behind each, ipset entries for
 * the iptables side, and a constant set of iptables rules that match those sets
 * (pkg/proxy/ipvs/proxier.go {@code syncProxyRules}, {@code writeIptablesRules}; ipset names from
 * pkg/proxy/ipvs/ipset.go). Formulas in docs/model.md.
 */
public final class IpvsStructure {
    private IpvsStructure() {
    }

    /**
     * Computes the IPVS objects for a workload.
     *
     * @param workload the Service ports
     * @param options  settings
     * @return counts and per-connection figures
     */
    public static ModeStructure compute(Workload workload, StructureOptions options) {
        int addrs = options.nodeAddresses();
        long vs = 0, rs = 0;
        long clusterIpSet = 0, loopBack = 0, externalIp = 0, externalIpLocal = 0, lb = 0, lbLocal = 0, lbFw = 0,
                lbSourceCidr = 0, nodePortSet = 0, nodePortLocal = 0, healthCheck = 0;
        for (ShapeGroup g : workload.groups()) {
            ServicePortShape s = g.shape();
            long n = g.count();
            boolean extLocal = s.externalPolicy() == TrafficPolicy.LOCAL;
            int internalRs = s.internalPolicy() == TrafficPolicy.LOCAL ? s.localEndpoints() : s.endpoints();
            int externalRs = extLocal ? s.localEndpoints() : s.endpoints();
            long portVs = 1 + s.externalIPs() + s.loadBalancerIPs() + (s.nodePort() ? addrs : 0);
            vs += n * portVs;
            rs += n * (internalRs + (long) externalRs * (portVs - 1));
            clusterIpSet += n;
            loopBack += n * s.localEndpoints();
            if (extLocal) {
                externalIpLocal += n * s.externalIPs();
            } else {
                externalIp += n * s.externalIPs();
            }
            lb += n * s.loadBalancerIPs();
            if (extLocal) {
                lbLocal += n * s.loadBalancerIPs();
            }
            if (s.sourceRanges() > 0) {
                lbFw += n * s.loadBalancerIPs();
                lbSourceCidr += n * s.loadBalancerIPs() * (long) s.sourceRanges();
            }
            if (s.nodePort()) {
                nodePortSet += n;
                if (extLocal) {
                    nodePortLocal += n;
                }
            }
            if (s.healthCheckNodePort()) {
                healthCheck += n;
            }
        }
        long ipsetEntries = clusterIpSet + loopBack + externalIp + externalIpLocal + lb + lbLocal + lbFw
                + lbSourceCidr + nodePortSet + nodePortLocal + healthCheck;

        // Constant iptables rules written by writeIptablesRules (nat and filter), depending only on
        // which ipsets are non-empty: see docs/model.md "IPVS iptables rules".
        boolean masq = options.masqueradeAll() || options.localDetector();
        long nat = 0;
        nat += 3; // KUBE-POSTROUTING: loop-back masquerade, mark check, MASQUERADE
        nat += 1; // KUBE-MARK-MASQ
        nat += clusterIpSet > 0 ? (masq ? 1 : 0) + 1 : 0; // cluster-ip masquerade + ACCEPT
        nat += externalIp + externalIpLocal > 0 ? 3 : 0; // external-ip masquerade + 2 ACCEPT
        nat += lb > 0 ? 2 : 0; // KUBE-SERVICES -> KUBE-LOAD-BALANCER, masquerade
        nat += lbFw > 0 ? 3 : 0; // firewall jump, source-cidr RETURN, MARK-DROP
        nat += lbLocal > 0 ? 1 : 0;
        nat += nodePortSet > 0 ? 2 : 0; // addrtype LOCAL -> KUBE-NODE-PORT, masquerade
        nat += nodePortLocal > 0 ? 1 : 0;
        long filter = 3; // KUBE-FORWARD
        filter += healthCheck > 0 ? 1 : 0;
        filter += 1; // KUBE-PROXY-FIREWALL / KUBE-SOURCE-RANGES-FIREWALL default
        long iptables = nat + filter;

        // A new pod->ClusterIP connection: nat PREROUTING jump, KUBE-SERVICES rules up to the
        // cluster-ip ACCEPT (set lookups), filter FORWARD jumps and KUBE-FORWARD; then the IPVS
        // hook: one service lookup and one scheduler pick (rr: O(1)).
        long extRulesFirst = externalIp + externalIpLocal > 0 ? 3 : 0;
        // nat POSTROUTING: jump + KUBE-LOOP-BACK set rule + mark check (3); NodePort traffic is marked for
        // masquerade (KUBE-MARK-MASQ, one rule) and walks all of KUBE-POSTROUTING (jump + 4).
        long clusterIpEval = 1 + extRulesFirst + (masq ? 1 : 0) + 1 + 2 + 3 + 3;
        long nodePortEval = 1 + extRulesFirst + (masq ? 1 : 0) + 1 + (lb > 0 ? 1 : 0) + 1 + 2 + 1 + 2 + 3 + 5;
        double lookups = (masq ? 1 : 0) + 1 + (extRulesFirst > 0 ? 1 : 0) + 1 + 1;

        Map<String, Long> breakdown = new LinkedHashMap<>();
        breakdown.put("ipset/KUBE-CLUSTER-IP", clusterIpSet);
        breakdown.put("ipset/KUBE-LOOP-BACK", loopBack);
        breakdown.put("ipset/KUBE-EXTERNAL-IP", externalIp);
        breakdown.put("ipset/KUBE-EXTERNAL-IP-LOCAL", externalIpLocal);
        breakdown.put("ipset/KUBE-LOAD-BALANCER", lb);
        breakdown.put("ipset/KUBE-LOAD-BALANCER-LOCAL", lbLocal);
        breakdown.put("ipset/KUBE-LOAD-BALANCER-FW", lbFw);
        breakdown.put("ipset/KUBE-LOAD-BALANCER-SOURCE-CIDR", lbSourceCidr);
        breakdown.put("ipset/KUBE-NODE-PORT-*", nodePortSet);
        breakdown.put("ipset/KUBE-NODE-PORT-LOCAL-*", nodePortLocal);
        breakdown.put("ipset/KUBE-HEALTH-CHECK-NODE-PORT", healthCheck);
        breakdown.put("iptables/nat", nat);
        breakdown.put("iptables/filter", filter);

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("virtualServers", vs);
        counts.put("realServers", rs);
        counts.put("ipsetEntries", ipsetEntries);
        counts.put("iptablesRules", iptables);
        counts.put("nat", nat);
        counts.put("filter", filter);
        // Every sync walks all services in userspace and re-applies ipsets and a small
        // iptables-restore; the kernel sees netlink calls only for changed servers.
        long full = vs + rs + ipsetEntries + iptables;
        long meanPortObjects = workload.servicePorts() == 0 ? 0
                : Math.round((vs + rs + ipsetEntries) / (double) workload.servicePorts());
        long partial = meanPortObjects + iptables;
        return new ModeStructure(ProxyMode.IPVS, iptables, counts, breakdown, RuleCountStats.constant(clusterIpEval),
                nodePortSet > 0 ? RuleCountStats.constant(nodePortEval) : RuleCountStats.NONE, lookups, full, partial,
                full, new PositionMixture().add(1, clusterIpEval - 1, 1, 0, 1));
    }
}
