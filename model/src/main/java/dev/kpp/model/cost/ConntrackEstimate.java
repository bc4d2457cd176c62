package dev.kpp.model.cost;

/**
 * Conntrack entries held by Service connections on one node against {@code nf_conntrack_max}.
 *
 * @param entries     expected entries
 * @param max         {@code nf_conntrack_max} as kube-proxy sets it
 * @param utilization entries / max
 * @param entriesLow  entries with a short TIME_WAIT (client reuse)
 * @param entriesHigh entries when a share of connections linger in CLOSE_WAIT
 */
public record ConntrackEstimate(long entries, long max, double utilization, long entriesLow, long entriesHigh) {
}
