package dev.kpp.model.advice;

import dev.kpp.model.inventory.ProxyMode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One compatibility or lifecycle check of a mode against the cluster, from {@link Compatibility}.
 *
 * @param code   what is checked
 * @param mode   the mode it concerns
 * @param status the outcome
 * @param params the numbers and versions in the outcome, in message order
 * @param nodes  the node groups that fail it (empty when it is not a per-node check or all pass)
 * @param source where the requirement comes from
 */
public record Check(Code code, ProxyMode mode, Status status, Map<String, Object> params, List<NodeGroup> nodes,
                    String source) {
    /** What a check verifies. */
    public enum Code {
        /** nftables mode needs kernel 5.13 or newer on every node. */
        NFTABLES_KERNEL,
        /** nftables mode exists from 1.29 (alpha), beta 1.31, GA 1.33. */
        NFTABLES_RELEASE,
        /** nftables mode needs the nft tool 1.0.1 or newer on the host (not visible in an inventory). */
        NFT_BINARY,
        /** IPVS mode needs the ip_vs modules and ipset; without them kube-proxy falls back to iptables. */
        IPVS_MODULES,
        /** IPVS mode is deprecated from 1.35, off by default from 1.40 and removed in 1.43 (KEP-5495). */
        IPVS_LIFECYCLE,
        /** With no mode set, kube-proxy runs iptables; 1.37 warns, 1.40 makes nftables the default (KEP-5343). */
        IMPLICIT_DEFAULT,
        /** Cilium's kube-proxy replacement needs kernel 5.4 or newer (4.18 on RHEL 8.6). */
        EBPF_KERNEL,
        /** Calico's eBPF data plane needs kernel 5.10 or newer and silently falls back below it. */
        CALICO_EBPF_KERNEL
    }

    /** The outcome of a check. */
    public enum Status {
        /** Met. */
        PASS,
        /** Met, with a caveat (pre-GA, deprecated, a borderline kernel). */
        WARN,
        /** Not met: the mode cannot run (or stops working) as things are. */
        BLOCK,
        /** Cannot be verified from the inventory: a prerequisite to check on the nodes. */
        UNKNOWN
    }

    public Check {
        Objects.requireNonNull(code);
        Objects.requireNonNull(status);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        nodes = List.copyOf(nodes);
    }

    /** @return true when the check stops the mode */
    public boolean blocks() {
        return status == Status.BLOCK;
    }

    /** @return the number of nodes that fail it */
    public int failingNodes() {
        return nodes.stream().mapToInt(NodeGroup::nodes).sum();
    }
}
