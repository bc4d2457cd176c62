package dev.kpp.model.rules;

/**
 * Calico's iptables policy chains (felix/rules/dispatch.go), as an add-on to any proxy mode. A new
 * connection to or from a workload walks a constant prologue, a two-level dispatch tree keyed on
 * interface-name prefixes ("we build a shallow tree of chains based on the prefixes"), then the
 * rules of the policies that select the workload. Selectors are ipsets, so each rule is O(1).
 *
 * <p>{@code R = prologue + rootPrefixes/2 + (podsPerNode/rootPrefixes)/2 + policiesPerPod x rulesPerPolicy}
 */
public final class CalicoPolicyStructure {
    /** Rules every new connection meets: cali-FORWARD, cali-from-wl-dispatch entry, endpoint chain prologue and epilogue. */
    public static final int DEFAULT_PROLOGUE = 12;
    /** Rules a typical NetworkPolicy compiles to in an endpoint's policy chain: its match rule, a pass/return and a mark clear. */
    public static final int DEFAULT_RULES_PER_POLICY = 3;
    /** Felix dispatches on at most 16 first characters of the hashed interface name. */
    static final int MAX_ROOT_PREFIXES = 16;

    private CalicoPolicyStructure() {
    }

    /**
     * Rules evaluated for a new connection.
     *
     * @param podsPerNode     workloads on the node
     * @param policiesPerPod  policies selecting a pod
     * @param prologue        constant prologue rules
     * @param rulesPerPolicy  rules per policy
     * @return the mean rules per new connection
     */
    public static double rulesPerConnection(int podsPerNode, double policiesPerPod, int prologue, int rulesPerPolicy) {
        if (podsPerNode < 0 || policiesPerPod < 0 || prologue < 0 || rulesPerPolicy < 0) {
            throw new IllegalArgumentException("Calico inputs must not be negative");
        }
        int pods = Math.max(1, podsPerNode);
        int root = Math.min(MAX_ROOT_PREFIXES, pods);
        double child = pods / (double) root;
        return prologue + (root + 1) / 2.0 + (child + 1) / 2.0 + policiesPerPod * rulesPerPolicy;
    }
}
