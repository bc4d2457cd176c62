package dev.kpp.model.inventory;

import java.util.Locale;

/**
 * The service proxy implementations kpp compares. {@link #EBPF} stands for an eBPF kube-proxy
 * replacement (Cilium's socket-LB/tc datapath); it is a comparison, not a kube-proxy mode.
 */
public enum ProxyMode {
    IPTABLES("iptables"),
    IPVS("ipvs"),
    NFTABLES("nftables"),
    EBPF("ebpf");

    private final String id;

    ProxyMode(String id) {
        this.id = id;
    }

    /** @return the stable lower-case identifier used in CLI output and files */
    public String id() {
        return id;
    }

    /**
     * Parses an identifier as written in kube-proxy's configuration or kpp's output.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ProxyMode fromId(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (ProxyMode m : values()) {
            if (m.id.equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown proxy mode '" + value + "' (expected iptables, ipvs, nftables or ebpf)");
    }
}
