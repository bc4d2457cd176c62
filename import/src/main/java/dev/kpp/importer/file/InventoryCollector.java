package dev.kpp.importer.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.units.KubeVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accumulates Kubernetes objects into an inventory. One collector per file; {@link #absorb} merges a
 * file's objects into the batch once the file was read completely, so a bad file leaves no trace.
 */
public final class InventoryCollector {
    /** Kinds and the API versions accepted for them. */
    private static final Map<String, Set<String>> API_VERSIONS = Map.of(
            "Service", Set.of("v1"),
            "Endpoints", Set.of("v1"),
            "EndpointSlice", Set.of("discovery.k8s.io/v1", "discovery.k8s.io/v1beta1"),
            "Node", Set.of("v1"),
            "ConfigMap", Set.of("v1"),
            "Namespace", Set.of("v1"),
            "NetworkPolicy", Set.of("networking.k8s.io/v1"));

    private final List<ServiceInfo> services = new ArrayList<>();
    private final List<EndpointSliceInfo> slices = new ArrayList<>();
    private final List<EndpointSliceInfo> legacy = new ArrayList<>();
    private final List<NodeInfo> nodes = new ArrayList<>();
    private final Map<String, Long> skippedKinds = new TreeMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, String> strings = new HashMap<>();
    private final Set<String> namespaces = new HashSet<>();
    private KubeProxyConfig kubeProxy;
    private String kubernetesVersion = "";
    private long networkPolicies;
    private long snapshotNamespaces;
    private long objects;
    private final ObjectMapper yaml;

    /** @param yaml a safe YAML mapper (for the kube-proxy ConfigMap's embedded configuration) */
    public InventoryCollector(ObjectMapper yaml) {
        this.yaml = yaml;
    }

    String intern(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String prev = strings.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }

    /**
     * Accepts one object.
     *
     * @param item     the object
     * @param source   file name for problems
     * @param location line:column of the object
     * @param path     JSON path of the object, e.g. {@code $.items[3]}
     */
    public void accept(JsonNode item, String source, String location, String path) {
        accept(item, null, null, source, location, path);
    }

    /**
     * Accepts one object whose {@code endpoints} list was already read from the token stream.
     *
     * @param endpoints      the endpoints, or null when the object had none (or was read as a tree)
     * @param endpointsError what was wrong with the list, or null
     */
    void accept(JsonNode item, java.util.List<dev.kpp.model.inventory.EndpointInfo> endpoints, String endpointsError,
                String source, String location, String path) {
        if (item == null || !item.isObject()) {
            problems.add(ImportProblem.warning("not-an-object", source, location, path + ": expected an object, found "
                    + (item == null ? "nothing" : item.getNodeType())));
            return;
        }
        String kind = KubeObjects.text(item, "kind");
        String apiVersion = KubeObjects.text(item, "apiVersion");
        if (kind.isEmpty()) {
            problems.add(ImportProblem.warning("missing-kind", source, location, path
                    + ": no 'kind' field; not a Kubernetes object"));
            return;
        }
        Set<String> versions = API_VERSIONS.get(kind);
        if (versions == null) {
            skippedKinds.merge(kind, 1L, Long::sum);
            return;
        }
        if (!versions.contains(apiVersion)) {
            problems.add(ImportProblem.warning("unknown-api-version", source, location, path + " (" + kind + " "
                    + name(item) + "): apiVersion '" + apiVersion + "' is not supported (expected "
                    + String.join(" or ", new java.util.TreeSet<>(versions)) + "); skipped"));
            skippedKinds.merge(kind + "@" + apiVersion, 1L, Long::sum);
            return;
        }
        try {
            switch (kind) {
                case "Service" -> services.add(KubeObjects.service(item, this::intern));
                case "EndpointSlice" -> {
                    if (endpointsError != null) {
                        throw new ItemException(endpointsError.substring(0, Math.max(0, endpointsError.indexOf(':'))),
                                endpointsError.substring(endpointsError.indexOf(':') + 1).strip());
                    }
                    slices.add(KubeObjects.endpointSlice(item, this::intern, apiVersion.endsWith("v1beta1"),
                            endpoints));
                }
                case "Endpoints" -> legacy.addAll(KubeObjects.legacyEndpoints(item, this::intern));
                case "Node" -> nodes.add(KubeObjects.node(item));
                case "Namespace" -> namespaces.add(intern(KubeObjects.text(KubeObjects.require(item, "metadata"),
                        "name")));
                case "NetworkPolicy" -> networkPolicies++;
                case "ConfigMap" -> configMap(item, source, location, path);
                default -> throw new IllegalStateException(kind);
            }
            objects++;
        } catch (ItemException e) {
            problems.add(ImportProblem.warning("invalid-object", source, location, path + " (" + kind + " "
                    + name(item) + "): " + e.path() + ": " + e.getMessage() + "; skipped"));
        }
    }

    private void configMap(JsonNode item, String source, String location, String path) throws ItemException {
        JsonNode meta = KubeObjects.require(item, "metadata");
        if (!"kube-system".equals(KubeObjects.text(meta, "namespace")) || !"kube-proxy".equals(
                KubeObjects.text(meta, "name"))) {
            skippedKinds.merge("ConfigMap", 1L, Long::sum);
            objects--;
            return;
        }
        JsonNode data = KubeObjects.obj(item, "data");
        String conf = data == null ? "" : KubeObjects.text(data, "config.conf");
        if (conf.isEmpty()) {
            throw new ItemException("data[config.conf]", "missing");
        }
        kubeProxy = KubeProxyConfigReader.read(conf, yaml, w -> problems.add(ImportProblem.warning(
                "kube-proxy-config", source, location, path + " (ConfigMap kube-system/kube-proxy): " + w)));
    }

    private static String name(JsonNode item) {
        JsonNode meta = KubeObjects.obj(item, "metadata");
        if (meta == null) {
            return "?";
        }
        String ns = KubeObjects.text(meta, "namespace");
        return ns.isEmpty() ? KubeObjects.text(meta, "name") : ns + "/" + KubeObjects.text(meta, "name");
    }

    /** Records a problem found while reading (kept with the file's outcome). */
    public void problem(ImportProblem p) {
        problems.add(p);
    }

    /** @return objects imported so far */
    /** @return Services collected so far */
    public long serviceCount() {
        return services.size();
    }

    /** @return EndpointSlices and legacy Endpoints collected so far */
    public long endpointSliceCount() {
        return slices.size() + legacy.size();
    }

    /** @return Nodes collected so far */
    public long nodeCount() {
        return nodes.size();
    }

    public long objects() {
        return objects;
    }

    /** @return problems so far */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** @return kinds skipped so far, with counts */
    public Map<String, Long> skippedKinds() {
        return skippedKinds;
    }

    /** Adds an inventory that was already built (a snapshot). */
    public void addInventory(ClusterInventory inv) {
        services.addAll(inv.services());
        slices.addAll(inv.endpointSlices());
        nodes.addAll(inv.nodes());
        networkPolicies += inv.networkPolicies();
        snapshotNamespaces += inv.namespaces();
        if (!inv.kubeProxy().equals(KubeProxyConfig.defaults()) || kubeProxy == null) {
            kubeProxy = inv.kubeProxy();
        }
        if (!inv.kubernetesVersion().isEmpty()) {
            kubernetesVersion = inv.kubernetesVersion();
        }
        objects += inv.services().size() + inv.endpointSlices().size() + inv.nodes().size();
    }

    /** Moves everything another collector gathered into this one. */
    public void absorb(InventoryCollector other) {
        services.addAll(other.services);
        slices.addAll(other.slices);
        legacy.addAll(other.legacy);
        nodes.addAll(other.nodes);
        namespaces.addAll(other.namespaces);
        networkPolicies += other.networkPolicies;
        snapshotNamespaces += other.snapshotNamespaces;
        other.skippedKinds.forEach((k, v) -> skippedKinds.merge(k, v, Long::sum));
        problems.addAll(other.problems);
        if (other.kubeProxy != null) {
            kubeProxy = other.kubeProxy;
        }
        if (!other.kubernetesVersion.isEmpty()) {
            kubernetesVersion = other.kubernetesVersion;
        }
        objects += other.objects;
    }

    /**
     * Builds the inventory. Legacy Endpoints are used only for Services that no EndpointSlice covers
     * (the EndpointSlice mirroring controller makes slices for them in live clusters).
     *
     * @param name inventory name
     * @return the inventory
     */
    public ClusterInventory build(String name) {
        Set<String> covered = new HashSet<>();
        for (EndpointSliceInfo s : slices) {
            covered.add(s.serviceKey());
        }
        List<EndpointSliceInfo> all = new ArrayList<>(slices);
        for (EndpointSliceInfo s : legacy) {
            if (!covered.contains(s.serviceKey())) {
                all.add(s);
            }
        }
        String version = kubernetesVersion.isEmpty() ? versionFromNodes(nodes) : kubernetesVersion;
        int nsCount = (int) Math.min(Integer.MAX_VALUE, namespaces.size() + snapshotNamespaces);
        if (nsCount == 0) {
            Set<String> seen = new HashSet<>();
            for (ServiceInfo s : services) {
                seen.add(s.namespace());
            }
            nsCount = seen.size();
        }
        return new ClusterInventory(name, version, services, all, nodes,
                kubeProxy == null ? KubeProxyConfig.defaults() : kubeProxy,
                (int) Math.min(Integer.MAX_VALUE, networkPolicies), nsCount);
    }

    /** @return true when a kube-proxy ConfigMap was read */
    public boolean hasKubeProxyConfig() {
        return kubeProxy != null;
    }

    /** The most common kube-proxy version reported by nodes, else the most common kubelet version. */
    static String versionFromNodes(List<NodeInfo> nodes) {
        Map<String, Integer> proxy = new HashMap<>();
        Map<String, Integer> kubelet = new HashMap<>();
        for (NodeInfo n : nodes) {
            count(proxy, n.kubeProxyVersion());
            count(kubelet, n.kubeletVersion());
        }
        String v = mostCommon(proxy.isEmpty() ? kubelet : proxy);
        return v;
    }

    private static void count(Map<String, Integer> m, String version) {
        if (version.isEmpty()) {
            return;
        }
        try {
            m.merge(KubeVersion.parse(version).toString(), 1, Integer::sum);
        } catch (IllegalArgumentException e) {
            // not a version: ignore
        }
    }

    private static String mostCommon(Map<String, Integer> m) {
        String best = "";
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(m).entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
