package dev.kpp.importer.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules a new connection evaluates, computed from a real kube-proxy ruleset by walking it with
 * {@link IptablesWalker}. For each service port found in nat {@code KUBE-SERVICES} (ClusterIP) or
 * nat {@code KUBE-NODEPORTS} (NodePort) it reports the nat-side walk from PREROUTING, the filter
 * walk from FORWARD (after DNAT) and the nat POSTROUTING walk, each averaged over kube-proxy's
 * random endpoint choice.
 *
 * <p>kube-proxy writes services in Go map order, so a service's place in the scanned chain
 * changes from sync to sync. {@link Cost#natRulesRandomOrder()} replaces the position seen in the
 * dump by its mean over uniformly random orders, which is what the structural model predicts.
 */
public final class IptablesConnectionCost {
    static final String NODEPORTS_COMMENT_PREFIX = "kubernetes service nodeports";
    private static final String[] CAPTURE_SUFFIXES = {" cluster IP", " external IP", " loadbalancer IP"};

    private IptablesConnectionCost() {
    }

    /**
     * Costs of one service port.
     *
     * @param servicePort        {@code ns/name:port} as in kube-proxy's comments
     * @param destination        the address the connection was sent to
     * @param dport              destination port
     * @param rulesBefore        rules before this port's capturing rule in the scanned chain
     *                           (KUBE-SERVICES for ClusterIP, KUBE-NODEPORTS for NodePorts), in dump order
     * @param scanSlots          rules of the scanned chain that belong to service ports (other ports' and its own)
     * @param ownRules           rules of the scanned chain that belong to this port
     * @param natRules           nat rules evaluated from PREROUTING, dump order
     * @param natRulesRandomOrder the same with the position averaged over random orders
     * @param filterRules        filter rules evaluated from FORWARD after DNAT
     * @param postroutingRules   nat rules evaluated from POSTROUTING
     * @param dnatShare          share of connections that were DNATed (1 when the port has endpoints)
     */
    public record Cost(String servicePort, String destination, int dport, long rulesBefore, long scanSlots,
                       long ownRules, double natRules, double natRulesRandomOrder, double filterRules,
                       double postroutingRules, double dnatShare) {
    }

    /**
     * ClusterIP connections from a pod.
     *
     * @param dump  the ruleset
     * @param podIp source address inside the cluster CIDR
     * @return one cost per ClusterIP service port, in KUBE-SERVICES order
     */
    public static List<Cost> clusterIp(IptablesDump dump, String podIp) {
        return clusterIp(dump, podIp, Integer.MAX_VALUE).costs();
    }

    /**
     * Walked costs of some service ports.
     *
     * @param ports every service port the chain captures
     * @param costs the costs of the ports walked (all, or an even sample along the chain that includes the
     *              first and the last)
     */
    public record Sample(int ports, List<Cost> costs) {
        public Sample {
            costs = List.copyOf(costs);
        }
    }

    /** @return indexes 0..n-1 kept when at most {@code max} are walked: evenly spaced, first and last included */
    static boolean[] keep(int n, int max) {
        boolean[] k = new boolean[n];
        if (n <= max) {
            java.util.Arrays.fill(k, true);
            return k;
        }
        for (int i = 0; i < max; i++) {
            k[(int) Math.round(i * (n - 1) / (double) (max - 1))] = true;
        }
        return k;
    }

    /**
     * ClusterIP connections from a pod, walking at most {@code max} service ports.
     *
     * @return the sample, in KUBE-SERVICES order
     */
    public static Sample clusterIp(IptablesDump dump, String podIp, int max) {
        List<IptablesRule> services = dump.rules("nat", "KUBE-SERVICES");
        List<Integer> captures = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).comment().endsWith(" cluster IP")) {
                captures.add(i);
            }
        }
        boolean[] walk = keep(captures.size(), max);
        long slots = services.stream().filter(r -> !r.comment().startsWith(NODEPORTS_COMMENT_PREFIX)).count();
        List<Cost> out = new ArrayList<>();
        IptablesWalker walker = new IptablesWalker(dump);
        for (int c = 0; c < captures.size(); c++) {
            if (!walk[c]) {
                continue;
            }
            int i = captures.get(c);
            IptablesRule r = services.get(i);
            String key = r.comment().substring(0, r.comment().length() - " cluster IP".length());
            String dst = stripHostMask(r.option("-d"));
            String proto = r.option("-p") == null ? "tcp" : r.option("-p");
            int dport = Integer.parseInt(r.option("--dport"));
            IptablesWalker.Packet packet = new IptablesWalker.Packet(podIp, false, dst, false, proto, dport);
            long own = services.stream().filter(x -> belongsTo(x, key)).count();
            long before = 0;
            for (int j = 0; j < i; j++) {
                if (!services.get(j).comment().startsWith(NODEPORTS_COMMENT_PREFIX)) {
                    before++;
                }
            }
            out.add(cost(dump, walker, key, packet, before, slots, own));
        }
        return new Sample(captures.size(), out);
    }

    /**
     * NodePort connections from an external client.
     *
     * @param dump     the ruleset
     * @param clientIp source address outside the cluster (and outside any loadBalancerSourceRanges)
     * @param nodeIp   the node address the connection is sent to
     * @return one cost per NodePort of nat KUBE-NODEPORTS, in chain order; kube-proxy 1.31+'s
     *         {@code -d 127.0.0.0/8} localhost rule belongs to the NodePort it precedes, not a NodePort of its own
     */
    public static List<Cost> nodePorts(IptablesDump dump, String clientIp, String nodeIp) {
        return nodePorts(dump, clientIp, nodeIp, Integer.MAX_VALUE).costs();
    }

    /**
     * NodePort connections from an external client, walking at most {@code max} NodePorts.
     *
     * @return the sample, in chain order
     */
    public static Sample nodePorts(IptablesDump dump, String clientIp, String nodeIp, int max) {
        List<IptablesRule> nodePorts = dump.rules("nat", "KUBE-NODEPORTS");
        List<Integer> captures = new ArrayList<>();
        for (int i = 0; i < nodePorts.size(); i++) {
            IptablesRule r = nodePorts.get(i);
            if (r.option("--dport") != null && !isLoopback(r.option("-d"))) {
                captures.add(i);
            }
        }
        boolean[] walk = keep(captures.size(), max);
        List<Cost> out = new ArrayList<>();
        IptablesWalker walker = new IptablesWalker(dump);
        for (int c = 0; c < captures.size(); c++) {
            if (!walk[c]) {
                continue;
            }
            int i = captures.get(c);
            IptablesRule r = nodePorts.get(i);
            String dportText = r.option("--dport");
            String proto = r.option("-p") == null ? "tcp" : r.option("-p");
            int dport = Integer.parseInt(dportText);
            IptablesWalker.Packet packet = new IptablesWalker.Packet(clientIp, false, nodeIp, true, proto, dport);
            int first = i;
            long own = 0;
            for (int j = 0; j < nodePorts.size(); j++) {
                if (nodePorts.get(j).comment().equals(r.comment())) {
                    first = Math.min(first, j);
                    own++;
                }
            }
            out.add(cost(dump, walker, r.comment(), packet, first, nodePorts.size(), own));
        }
        return new Sample(captures.size(), out);
    }

    private static Cost cost(IptablesDump dump, IptablesWalker walker, String key, IptablesWalker.Packet packet,
                             long before, long slots, long own) {
        IptablesWalker.Walk nat = walker.walk("nat", "PREROUTING", packet, false, false);
        double filter = 0;
        double post = 0;
        double dnat = 0;
        for (IptablesWalker.Branch b : nat.branches()) {
            IptablesWalker.Packet after = packet;
            if (b.verdict().equals("DNAT")) {
                dnat += b.probability();
                String to = b.dnatTo();
                int colon = to.lastIndexOf(':');
                String ip = colon > 0 && to.indexOf(':') == colon ? to.substring(0, colon) : to;
                int port = colon > 0 && to.indexOf(':') == colon ? Integer.parseInt(to.substring(colon + 1))
                        : packet.dport();
                after = new IptablesWalker.Packet(packet.srcIp(), packet.srcLocal(), ip, false, packet.protocol(), port);
            }
            boolean dnatted = b.verdict().equals("DNAT");
            filter += b.probability() * walker.walk("filter", "FORWARD", after, b.marked(), dnatted).meanRules();
            post += b.probability() * walker.walk("nat", "POSTROUTING", after, b.marked(), dnatted).meanRules();
        }
        double natRules = nat.meanRules();
        double randomOrder = natRules - before + (slots - own) / 2.0;
        return new Cost(key, packet.dstIp(), packet.dport(), before, slots, own, natRules, randomOrder, filter, post,
                dnat);
    }

    private static boolean belongsTo(IptablesRule r, String key) {
        String c = r.comment();
        for (String suffix : CAPTURE_SUFFIXES) {
            if (c.equals(key + suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String dst) {
        return dst != null && (dst.startsWith("127.") || dst.equals("::1") || dst.equals("::1/128"));
    }

    private static String stripHostMask(String ip) {
        if (ip == null) {
            return "";
        }
        if (ip.endsWith("/32") || ip.endsWith("/128")) {
            return ip.substring(0, ip.lastIndexOf('/'));
        }
        return ip;
    }
}
