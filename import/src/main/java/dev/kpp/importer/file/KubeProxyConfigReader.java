package dev.kpp.importer.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.model.inventory.ConntrackConfig;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.ProxyMode;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads {@code config.conf} of the {@code kube-system/kube-proxy} ConfigMap (a
 * KubeProxyConfiguration, kubeproxy.config.k8s.io/v1alpha1 or v1alpha2) into {@link KubeProxyConfig}.
 * Sync periods come from the section of the configured mode, then from the top level (v1alpha2),
 * then kube-proxy's defaults. Unknown or invalid values give warnings and fall back to defaults.
 */
final class KubeProxyConfigReader {
    private KubeProxyConfigReader() {
    }

    /**
     * @param yamlText the {@code config.conf} text
     * @param yaml     a safe YAML mapper
     * @param warn     receives {@code field: reason} for values that were ignored
     * @return the configuration
     * @throws ItemException when the text is not YAML
     */
    static KubeProxyConfig read(String yamlText, ObjectMapper yaml, Consumer<String> warn) throws ItemException {
        JsonNode root;
        try {
            root = yaml.readTree(yamlText);
        } catch (Exception e) {
            throw new ItemException("data[config.conf]", "not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ItemException("data[config.conf]", "expected a KubeProxyConfiguration mapping");
        }
        KubeProxyConfig d = KubeProxyConfig.defaults();
        Optional<ProxyMode> mode = Optional.empty();
        String modeText = KubeObjects.text(root, "mode");
        if (!modeText.isEmpty()) {
            try {
                ProxyMode m = ProxyMode.fromId(modeText);
                if (m == ProxyMode.EBPF) {
                    throw new IllegalArgumentException("ebpf is not a kube-proxy mode");
                }
                mode = Optional.of(m);
            } catch (IllegalArgumentException e) {
                warn.accept("mode: '" + modeText + "' is not iptables, ipvs or nftables; treated as unset");
            }
        }
        String section = mode.map(ProxyMode::id).orElse("iptables");
        JsonNode modeNode = KubeObjects.obj(root, section);
        double sync = duration(java.util.Arrays.asList(KubeObjects.obj(modeNode, "syncPeriod"), KubeObjects.obj(root, "syncPeriod")),
                d.syncPeriodSeconds(), section + ".syncPeriod", warn);
        double minSync = duration(java.util.Arrays.asList(KubeObjects.obj(modeNode, "minSyncPeriod"),
                KubeObjects.obj(root, "minSyncPeriod")), section.equals("ipvs") ? 0 : d.minSyncPeriodSeconds(),
                section + ".minSyncPeriod", warn);
        if (!(sync > 0)) {
            warn.accept(section + ".syncPeriod: must be > 0; using 30s");
            sync = 30;
        }
        JsonNode ct = KubeObjects.obj(root, "conntrack");
        ConntrackConfig dc = ConntrackConfig.defaults();
        ConntrackConfig conntrack = new ConntrackConfig(
                longField(ct, "maxPerCore", dc.maxPerCore(), warn),
                longField(ct, "min", dc.min(), warn),
                (long) duration(java.util.Arrays.asList(KubeObjects.obj(ct, "tcpEstablishedTimeout")),
                        dc.tcpEstablishedTimeoutSeconds(), "conntrack.tcpEstablishedTimeout", warn),
                (long) duration(java.util.Arrays.asList(KubeObjects.obj(ct, "tcpCloseWaitTimeout")),
                        dc.tcpCloseWaitTimeoutSeconds(), "conntrack.tcpCloseWaitTimeout", warn),
                dc.tcpTimeWaitTimeoutSeconds());
        boolean masqueradeAll = bool(KubeObjects.obj(root, "iptables"), "masqueradeAll")
                || bool(KubeObjects.obj(root, "nftables"), "masqueradeAll")
                || bool(root, "masqueradeAll") || bool(KubeObjects.obj(root, "linux"), "masqueradeAll");
        JsonNode ipvs = KubeObjects.obj(root, "ipvs");
        String clusterCidr = KubeObjects.text(root, "clusterCIDR");
        JsonNode detectLocal = KubeObjects.obj(root, "detectLocal");
        String detectLocalMode = KubeObjects.text(root, "detectLocalMode");
        if (clusterCidr.isEmpty() && detectLocal != null) {
            clusterCidr = KubeObjects.text(detectLocal, "clusterCIDR");
        }
        return new KubeProxyConfig(mode, sync, Math.min(minSync, sync), conntrack, masqueradeAll, clusterCidr,
                detectLocalMode, bool(ipvs, "strictARP"));
    }

    private static double duration(List<JsonNode> candidates, double dflt, String field, Consumer<String> warn) {
        for (JsonNode n : candidates) {
            if (n == null) {
                continue;
            }
            try {
                return n.isNumber() ? n.asDouble() / 1e9 : Quantities.parseDuration(n.asText());
            } catch (IllegalArgumentException e) {
                warn.accept(field + ": " + e.getMessage() + "; using the default");
                return dflt;
            }
        }
        return dflt;
    }

    private static long longField(JsonNode n, String field, long dflt, Consumer<String> warn) {
        JsonNode v = KubeObjects.obj(n, field);
        if (v == null) {
            return dflt;
        }
        if (!v.canConvertToLong() || v.asLong() < 0) {
            warn.accept("conntrack." + field + ": '" + v.asText() + "' is not a non-negative integer; using the default");
            return dflt;
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = KubeObjects.obj(n, field);
        return v != null && v.asBoolean(false);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }
}
