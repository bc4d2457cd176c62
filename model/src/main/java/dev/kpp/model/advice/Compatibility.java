package dev.kpp.model.advice;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one versioned table of compatibility and lifecycle facts, each with its source (the facts are
 * in the repository's domain notes, section c.1/c.2). A new Kubernetes or Cilium release updates this
 * class and {@link #TABLE_VERSION}; nothing else in kpp holds a version boundary for the advisor.
 */
public final class Compatibility {
    /** The date the table's facts were last checked against their sources. */
    public static final String TABLE_VERSION = "2026-11-30";

    /** nftables mode: minimum kernel. kubernetes.io "Linux Kernel Version Requirements"; KEP-3866. */
    public static final KernelVersion NFTABLES_KERNEL = new KernelVersion(5, 13, 0);
    /** nftables mode: minimum nft tool on the host. kubernetes.io "Linux Kernel Version Requirements". */
    public static final String NFT_TOOL = "1.0.1";
    /** nftables mode stages. kubernetes/enhancements keps/sig-network/3866-nftables-proxy/kep.yaml. */
    public static final KubeVersion NFTABLES_ALPHA = new KubeVersion(1, 29);
    public static final KubeVersion NFTABLES_BETA = new KubeVersion(1, 31);
    public static final KubeVersion NFTABLES_GA = new KubeVersion(1, 33);
    /** IPVS lifecycle. KEP-5495; kubernetes/kubernetes#134539; kubernetes/enhancements#6120. */
    public static final KubeVersion IPVS_DEPRECATED = new KubeVersion(1, 35);
    public static final KubeVersion IPVS_OFF_BY_DEFAULT = new KubeVersion(1, 40);
    public static final KubeVersion IPVS_REMOVED = new KubeVersion(1, 43);
    /** IPVS kernel modules. kubernetes.io "Virtual IPs and Service Proxies" (IPVS note); kubeadm preflight. */
    public static final List<String> IPVS_MODULES = List.of("ip_vs", "ip_vs_rr", "ip_vs_wrr", "ip_vs_sh",
            "nf_conntrack");
    /** Implicit mode: 1.37 warns, 1.40 makes nftables the default. KEP-5343 README. */
    public static final KubeVersion IMPLICIT_MODE_WARNS = new KubeVersion(1, 37);
    public static final KubeVersion NFTABLES_DEFAULT = new KubeVersion(1, 40);
    /** Cilium kube-proxy replacement: base kernel (4.18 on RHEL 8.6). Cilium "System Requirements". */
    public static final KernelVersion CILIUM_KERNEL = new KernelVersion(5, 4, 0);
    public static final KernelVersion CILIUM_RHEL8_KERNEL = new KernelVersion(4, 18, 0);
    /** Calico eBPF data plane: kernel, with a silent fallback below it. Calico "System requirements". */
    public static final KernelVersion CALICO_EBPF_KERNEL = new KernelVersion(5, 10, 0);

    private static final String SRC_NFT_KERNEL = "kubernetes.io Linux Kernel Version Requirements; KEP-3866";
    private static final String SRC_NFT_STAGES = "kubernetes/enhancements KEP-3866 kep.yaml";
    private static final String SRC_IPVS = "KEP-5495; kubernetes/kubernetes#134539";
    private static final String SRC_IPVS_MODULES = "kubernetes.io Virtual IPs and Service Proxies (IPVS); kubeadm "
            + "preflight RequiredIPVSKernelModulesAvailable";
    private static final String SRC_DEFAULT = "KEP-5343 Make nftables the default kube-proxy backend";
    private static final String SRC_CILIUM = "Cilium System Requirements; Kubernetes Without kube-proxy";
    private static final String SRC_CALICO = "Calico System requirements; Tigera Enable eBPF on an existing cluster";

    private Compatibility() {
    }

    /**
     * @param mode    the mode
     * @param version the cluster's Kubernetes version (the kube-proxy it would run)
     * @param facts   what is known about the cluster
     * @return every check of the mode, in a stable order
     */
    public static List<Check> check(ProxyMode mode, KubeVersion version, ClusterFacts facts) {
        List<Check> out = new ArrayList<>();
        switch (mode) {
            case IPTABLES -> {
                if (facts.configuredMode().isEmpty()) {
                    // unset means iptables today; from 1.40 the same cluster silently runs nftables instead
                    out.add(new Check(Check.Code.IMPLICIT_DEFAULT, mode, Check.Status.WARN, params("version", version.toString(),
                            "warns", IMPLICIT_MODE_WARNS.toString(), "changes", NFTABLES_DEFAULT.toString()), List.of(),
                            SRC_DEFAULT));
                }
            }
            case NFTABLES -> {
                out.add(kernel(Check.Code.NFTABLES_KERNEL, mode, NFTABLES_KERNEL, facts, SRC_NFT_KERNEL, false));
                Check.Status s;
                String stage;
                if (version.compareTo(NFTABLES_ALPHA) < 0) {
                    s = Check.Status.BLOCK;
                    stage = "none";
                } else if (version.compareTo(NFTABLES_BETA) < 0) {
                    s = Check.Status.WARN;
                    stage = "alpha";
                } else if (version.compareTo(NFTABLES_GA) < 0) {
                    s = Check.Status.WARN;
                    stage = "beta";
                } else {
                    s = Check.Status.PASS;
                    stage = "ga";
                }
                out.add(new Check(Check.Code.NFTABLES_RELEASE, mode, s, params("version", version.toString(), "stage",
                        stage, "ga", NFTABLES_GA.toString()), List.of(), SRC_NFT_STAGES));
                out.add(new Check(Check.Code.NFT_BINARY, mode, Check.Status.UNKNOWN, params("minimum", NFT_TOOL),
                        List.of(), SRC_NFT_KERNEL));
            }
            case IPVS -> {
                out.add(new Check(Check.Code.IPVS_MODULES, mode, Check.Status.UNKNOWN,
                        params("modules", String.join(", ", IPVS_MODULES)), List.of(), SRC_IPVS_MODULES));
                // two minor releases before the deprecation the switch would land on a mode about to be deprecated
                KubeVersion announced = new KubeVersion(IPVS_DEPRECATED.major(), IPVS_DEPRECATED.minor() - 2);
                Check.Status s = version.compareTo(IPVS_REMOVED) >= 0 ? Check.Status.BLOCK
                        : version.compareTo(announced) >= 0 ? Check.Status.WARN : Check.Status.PASS;
                out.add(new Check(Check.Code.IPVS_LIFECYCLE, mode, s, params("version", version.toString(),
                        "deprecated", IPVS_DEPRECATED.toString(), "offByDefault", IPVS_OFF_BY_DEFAULT.toString(),
                        "removed", IPVS_REMOVED.toString()), List.of(), SRC_IPVS));
            }
            case EBPF -> {
                out.add(kernel(Check.Code.EBPF_KERNEL, mode, CILIUM_KERNEL, facts, SRC_CILIUM, true));
                Check calico = kernel(Check.Code.CALICO_EBPF_KERNEL, mode, CALICO_EBPF_KERNEL, facts, SRC_CALICO, false);
                // Calico falls back silently rather than failing: a caveat, never a block of the comparison
                out.add(calico.blocks() ? new Check(calico.code(), mode, Check.Status.WARN, calico.params(),
                        calico.nodes(), calico.source()) : calico);
            }
            default -> throw new IllegalStateException("unknown mode " + mode);
        }
        return out;
    }

    private static Check kernel(Check.Code code, ProxyMode mode, KernelVersion min, ClusterFacts facts, String source,
                                boolean rhel8Exception) {
        List<NodeGroup> failing = new ArrayList<>();
        List<NodeGroup> unknown = new ArrayList<>();
        for (NodeGroup g : facts.nodeGroups()) {
            if (g.kernel() == null) {
                unknown.add(g);
            } else if (g.kernel().compareTo(min) < 0 && !(rhel8Exception && rhel8(g))) {
                failing.add(g);
            }
        }
        int failingNodes = failing.stream().mapToInt(NodeGroup::nodes).sum();
        Check.Status status = !failing.isEmpty() ? Check.Status.BLOCK
                : !unknown.isEmpty() ? Check.Status.UNKNOWN : Check.Status.PASS;
        List<NodeGroup> named = !failing.isEmpty() ? failing : unknown;
        String oldest = failing.stream().map(NodeGroup::kernel).min(KernelVersion::compareTo).map(KernelVersion::toString)
                .orElse("");
        return new Check(code, mode, status, params("minimum", min.toString(), "failingNodes", (long) failingNodes,
                "nodes", (long) facts.nodes(), "oldest", oldest), named, source);
    }

    private static boolean rhel8(NodeGroup g) {
        String os = g.osImage().toLowerCase(Locale.ROOT);
        return (os.contains("red hat") || os.contains("rhel")) && g.kernel().compareTo(CILIUM_RHEL8_KERNEL) >= 0
                && g.kernel().major() == 4;
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
