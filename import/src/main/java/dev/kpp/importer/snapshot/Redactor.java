package dev.kpp.importer.snapshot;

import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ServiceInfo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces names, namespaces and addresses by pseudonyms so a snapshot can be shared. Within one
 * redaction the same input always gets the same pseudonym (a Service and its EndpointSlices still
 * match, a node and its endpoints still match); counts, types, ports, port names, policies,
 * versions, kernels and capacities are kept.
 *
 * <ul>
 *   <li>Names: {@code <kind>-<10 base32 chars>} from HMAC-SHA256 under a random per-redaction key
 *       that is never stored, so pseudonyms cannot be reversed or linked across snapshots.</li>
 *   <li>Addresses: numbered in order of appearance, IPv4 in 10.0.0.0/8 and IPv6 in fd00::/8, so
 *       distinct addresses stay distinct and the IP family is kept. CIDRs keep their prefix length.</li>
 *   <li>Input files: names replaced; their SHA-256 and size are dropped ({@code ""} and 0), since
 *       either would identify the original file.</li>
 * </ul>
 */
public final class Redactor {
    private final Mac mac;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> taken = new HashMap<>();
    private final Map<String, String> addresses = new HashMap<>();
    private long nextV4 = 1;
    private long nextV6 = 1;

    /** A redactor with a fresh random key. */
    public Redactor() {
        this(randomKey());
    }

    /** A redactor with a given key (tests). */
    Redactor(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** @return the snapshot with every identifying value replaced and {@code redacted} set */
    public Snapshot redact(Snapshot s) {
        Provenance p = s.provenance();
        List<SourceFile> files = new ArrayList<>();
        for (SourceFile f : p.files()) {
            // the hash and size of an input would link the snapshot to the original file: dropped
            files.add(new SourceFile(file(f.path()), f.kind(), "", 0, f.objects()));
        }
        List<ObservedMetrics> metrics = new ArrayList<>();
        for (ObservedMetrics m : s.metrics()) {
            metrics.add(new ObservedMetrics(file(m.source()), m.histograms(), m.values(), m.otherSeries()));
        }
        List<RuleDumpSummary> rules = new ArrayList<>();
        for (RuleDumpSummary r : s.ruleDumps()) {
            rules.add(new RuleDumpSummary(file(r.source()), r.kind(), r.counts()));
        }
        Provenance rp = new Provenance(p.kppVersion(), p.importedAt(), p.kubeContext().isEmpty() ? "" : "redacted",
                true, p.partial(), files, p.kubeServer().isEmpty() ? "" : "redacted", p.kubeServerVersion());
        return new Snapshot(rp, inventory(s.inventory()), metrics, rules, s.skippedKinds());
    }

    /** @return the inventory with names, namespaces and addresses replaced */
    public ClusterInventory inventory(ClusterInventory inv) {
        List<NodeInfo> nodes = new ArrayList<>(inv.nodes().size());
        for (NodeInfo n : inv.nodes()) {
            nodes.add(new NodeInfo(name("node", n.name()), n.cores(), n.memoryBytes(), n.kernelVersion(), n.osImage(),
                    n.kubeProxyVersion(), n.kubeletVersion(), n.pool().isEmpty() ? "" : name("pool", n.pool())));
        }
        List<ServiceInfo> services = new ArrayList<>(inv.services().size());
        for (ServiceInfo s : inv.services()) {
            services.add(new ServiceInfo(name("ns", s.namespace()), name("svc", s.name()), s.type(),
                    ips(s.clusterIPs()), s.ports(), ips(s.externalIPs()), ips(s.loadBalancerIngressIPs()),
                    s.externalTrafficPolicy(), s.internalTrafficPolicy(), s.sessionAffinity(),
                    ips(s.loadBalancerSourceRanges()), s.healthCheckNodePort(), name("proxy", s.serviceProxyName()),
                    s.externalName().isEmpty() ? "" : name("host", s.externalName()) + ".invalid"));
        }
        List<EndpointSliceInfo> slices = new ArrayList<>(inv.endpointSlices().size());
        for (EndpointSliceInfo sl : inv.endpointSlices()) {
            List<EndpointInfo> eps = new ArrayList<>(sl.endpoints().size());
            for (EndpointInfo e : sl.endpoints()) {
                eps.add(new EndpointInfo(ips(e.addresses()), name("node", e.nodeName()), e.ready(), e.serving(),
                        e.terminating()));
            }
            slices.add(new EndpointSliceInfo(name("ns", sl.namespace()), name("slice", sl.name()),
                    name("svc", sl.serviceName()), sl.addressType(), sl.ports(), eps));
        }
        KubeProxyConfig kp = inv.kubeProxy();
        KubeProxyConfig rkp = new KubeProxyConfig(kp.mode(), kp.syncPeriodSeconds(), kp.minSyncPeriodSeconds(),
                kp.conntrack(), kp.masqueradeAll(), ip(kp.clusterCidr()), kp.detectLocalMode(), kp.ipvsStrictArp());
        return new ClusterInventory(inv.name().isEmpty() ? "" : "redacted", inv.kubernetesVersion(), services, slices,
                nodes, rkp, inv.networkPolicies(), inv.namespaces());
    }

    /** @return the pseudonym of a name of some kind ("" stays "") */
    String name(String kind, String value) {
        if (value.isEmpty()) {
            return "";
        }
        String key = kind + "\u0000" + value;
        String known = names.get(key);
        if (known != null) {
            return known;
        }
        byte[] h = mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        String candidate = kind + "-" + base32(h).substring(0, 10);
        String pseudonym = candidate;
        for (int i = 2; taken.containsKey(pseudonym) && !taken.get(pseudonym).equals(key); i++) {
            pseudonym = candidate + "-" + i;
        }
        taken.put(pseudonym, key);
        names.put(key, pseudonym);
        return pseudonym;
    }

    private String file(String path) {
        if (path.isEmpty()) {
            return "";
        }
        String base = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('!')) + 1);
        int dot = base.indexOf('.');
        return name("file", path) + (dot >= 0 ? base.substring(dot) : "");
    }

    private List<String> ips(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(ip(v));
        }
        return out;
    }

    /** @return the pseudonym of an address or CIDR ("None" and "" stay as they are) */
    String ip(String value) {
        if (value.isEmpty() || value.equals("None")) {
            return value;
        }
        int slash = value.indexOf('/');
        String addr = slash >= 0 ? value.substring(0, slash) : value;
        String suffix = slash >= 0 ? value.substring(slash) : "";
        String known = addresses.get(addr);
        if (known == null) {
            if (addr.contains(":")) {
                long n = nextV6++;
                known = String.format(Locale.ROOT, "fd00::%x:%x", (n >> 16) & 0xffff, n & 0xffff);
            } else {
                long n = nextV4++;
                if (n >= (1L << 24)) {
                    throw new IllegalStateException("more than 16M distinct IPv4 addresses to redact");
                }
                known = "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
            }
            addresses.put(addr, known);
        }
        return slash >= 0 ? network(known, suffix) : known;
    }

    /**
     * @return the pseudonym masked to the CIDR's prefix, so a redacted CIDR is still a network address
     *         (10.128.0.0/9 becomes e.g. 10.0.0.0/9, never 10.1.173.177/9)
     */
    static String network(String address, String suffix) {
        int prefix;
        try {
            prefix = Integer.parseInt(suffix.substring(1));
        } catch (NumberFormatException e) {
            return address + suffix;
        }
        byte[] bytes;
        try {
            bytes = java.net.InetAddress.getByName(address).getAddress();
        } catch (java.net.UnknownHostException e) {
            return address + suffix;
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            return address + suffix;
        }
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        try {
            String net = java.net.InetAddress.getByAddress(bytes).getHostAddress();
            if (bytes.length == 16) {
                net = compressV6(net);
            }
            return net + suffix;
        } catch (java.net.UnknownHostException e) {
            return address + suffix;
        }
    }

    /** @return an IPv6 address in its shortest form ("fd00:0:0:0:0:0:0:0" becomes "fd00::") */
    private static String compressV6(String full) {
        String[] parts = full.split(":");
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return head + "::" + tail;
    }

    private static String base32(byte[] bytes) {
        final String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return sb.toString();
    }
}
