package dev.kpp.model.plan;

import dev.kpp.model.inventory.ProxyMode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A condition worth a caveat, as a code with parameters: the app renders it through its message
 * bundle ({@code warning.<id>} with the parameters as {@code {0}, {1}...} in order).
 *
 * @param code   what the condition is
 * @param mode   the mode it concerns, or null when it concerns every mode
 * @param params named parameters, in message order (numbers or strings)
 */
public record PlanWarning(Code code, ProxyMode mode, Map<String, Object> params) {
    /** The conditions the planner reports; ids are part of the JSON contract (docs/cli.md). */
    public enum Code {
        /** More NodePorts than the default range 30000-32767 holds. */
        NODEPORT_RANGE_EXCEEDED("nodeport-range-exceeded"),
        /** Cilium's service map would be full at the default size. */
        EBPF_LB_MAP_FULL("ebpf-lb-map-full"),
        /** More than 10,000 Services, the tested scalability threshold. */
        SERVICES_ABOVE_SCALABILITY_THRESHOLD("services-above-scalability-threshold"),
        /** More than 250 endpoints per Service, the tested scalability threshold. */
        ENDPOINTS_ABOVE_SCALABILITY_THRESHOLD("endpoints-above-scalability-threshold"),
        /** A mode's syncs would keep kube-proxy busy more than half of the time. */
        SYNC_LOOP_SATURATED("sync-loop-saturated"),
        /** Conntrack use above 75% of nf_conntrack_max (or Cilium's CT map). */
        CONNTRACK_PRESSURE("conntrack-pressure"),
        /** The kube-proxy version has no nftables mode (alpha in 1.29). */
        NFTABLES_NOT_IN_VERSION("nftables-not-in-version"),
        /** nftables mode is alpha (1.29-1.30) or beta (1.31-1.32) in this version. */
        NFTABLES_PRE_GA("nftables-pre-ga"),
        /** The kernel is older than nftables mode's minimum, 5.13. */
        NFTABLES_KERNEL_TOO_OLD("nftables-kernel-too-old"),
        /** IPVS mode is deprecated from 1.35 (KEP-5495). */
        IPVS_DEPRECATED("ipvs-deprecated"),
        /** The kernel is older than Cilium's minimum, 5.4. */
        EBPF_KERNEL_TOO_OLD("ebpf-kernel-too-old");

        private final String id;

        Code(String id) {
            this.id = id;
        }

        /** @return the stable id (JSON, message keys) */
        public String id() {
            return id;
        }

        /** @return the code with this id */
        public static Code fromId(String id) {
            for (Code c : values()) {
                if (c.id.equals(id.toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown warning code: " + id);
        }
    }

    public PlanWarning {
        Objects.requireNonNull(code, "code");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    /** @return a warning without parameters that concerns every mode */
    public static PlanWarning of(Code code) {
        return new PlanWarning(code, null, Map.of());
    }

    /** @return the parameters in message order */
    public List<Object> args() {
        return List.copyOf(params.values());
    }
}
