package dev.kpp.model.advice;

import dev.kpp.model.inventory.ProxyMode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reason for or against a mode, or a migration risk: a code with the numbers kpp computed and the
 * inputs that drive them, which the app words through its message bundle.
 *
 * @param code     what it says
 * @param severity how much it matters (reasons: {@link Severity#INFO})
 * @param mode     the mode it concerns, or null for the cluster as a whole
 * @param params   named parameters in message order (numbers, versions, metric keys, input ids)
 * @param nodes    node groups it concerns (per-node checks), empty otherwise
 */
public record Finding(Code code, Severity severity, ProxyMode mode, Map<String, Object> params,
                      List<NodeGroup> nodes) {
    /** How much a finding matters. */
    public enum Severity {
        INFO, LOW, MEDIUM, HIGH
    }

    /** Every reason and risk the advisor can state. */
    public enum Code {
        // reasons
        /** The current mode meets every budget at the inputs (and at the growth horizon). */
        STAY_MEETS_BUDGETS,
        /** Switching would gain little: the best alternative saves less than a share of any budget. */
        SWITCH_GAIN_SMALL,
        /** The recommended mode saves a large share of a budget over the current one, which meets its budgets. */
        SWITCH_GAIN_LARGE,
        /** A mode exceeds a budget at the inputs. */
        EXCEEDS_BUDGET,
        /** A mode meets its budgets now but exceeds one by the growth horizon. */
        EXCEEDS_BUDGET_LATER,
        /** A mode meets every budget, with its tightest one named. */
        MEETS_BUDGETS,
        /** A mode evaluates far fewer rules per new connection than another. */
        FEWER_RULES,
        /** Keep-alive divides the data-plane cost. */
        KEEPALIVE_SHRINKS_COST,
        /** A mode crosses a budget at a Service count (and, with a growth rate, on a date). */
        CROSSES_BUDGET,
        /** A mode is blocked by a compatibility check. */
        BLOCKED,
        /** nftables misses a budget on this kernel; the first kernel with fast transactions would change that much. */
        FASTER_KERNEL,
        /** As {@link #FASTER_KERNEL}, but even the faster kernel leaves nftables over a budget. */
        FASTER_KERNEL_NOT_ENOUGH,
        /** A deciding estimate rests on little data. */
        LOW_CONFIDENCE,
        /** A small change of one input changes the recommendation. */
        CLOSE_DECISION,
        /** No mode meets every budget. */
        NO_MODE_MEETS_BUDGETS,
        /** kube-proxy's mode is unset: it runs iptables and the default will change. */
        IMPLICIT_MODE,
        /** Switching modes costs a restart of kube-proxy on every node (and, for eBPF, a CNI change). */
        SWITCH_COST,
        /** eBPF is a comparison: adopting it replaces kube-proxy through the CNI. */
        EBPF_IS_A_COMPARISON,
        // risks
        /** nftables serves no NodePorts on 127.0.0.1, and the cluster uses them (observed) or may. */
        LOCALHOST_NODEPORTS,
        /** nftables serves NodePorts on the node's primary IPs only. */
        NODEPORTS_PRIMARY_IPS_ONLY,
        /** IPVS binds every Service IP to kube-ipvs0: load-balancer health checks and SNAT can break. */
        IPVS_BINDS_SERVICE_IPS,
        /** MetalLB in L2 mode needs ipvs.strictARP with IPVS. */
        METALLB_STRICT_ARP,
        /** Conntrack entries approach nf_conntrack_max. */
        CONNTRACK_PRESSURE,
        /** Cilium's LB map has little headroom (resizing after install disrupts connections). */
        CILIUM_MAP_HEADROOM,
        /** A node restart (or kube-proxy restart) takes a long first sync at this size. */
        SLOW_RESTART_SYNC,
        /** The mode is deprecated or on a removal path in this version. */
        LIFECYCLE,
        /** The mode is not GA in this version. */
        PRE_GA,
        /** A prerequisite cannot be verified from the inventory. */
        PREREQUISITE,
        /** Some node pools cannot run the mode. */
        NODES_BLOCK_MODE
    }

    public Finding {
        Objects.requireNonNull(code);
        Objects.requireNonNull(severity);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        nodes = List.copyOf(nodes);
    }

    /** @return the JSON id of the code */
    public String codeId() {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
