package dev.kpp.importer.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointInfo;
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
 *
 * <p>Objects are identified by kind, namespace and name: one seen again (the same dump imported
 * twice, the JSON and the YAML of one cluster, a snapshot beside its dump) is counted once, with a
 * {@code duplicate-object} warning naming where it was first read, or {@code conflicting-object}
 * when both carry different {@code metadata.uid}s (two objects that had the same name at different
 * times: the first is kept). EndpointSlices whose Service is not in the inventory are reported as
 * {@code orphan-endpoint-slice} by {@link #build}. Warnings are kept up to {@link #MAX_PER_CODE}
 * per code; the rest are counted in one summary warning of the same code.
 */
public final class InventoryCollector implements DumpSink {
    /** Warnings kept per code; more are summarised. */
    public static final int MAX_PER_CODE = 1000;
    /** Kinds and the API versions accepted for them. */
    private static final Map<String, Set<String>> API_VERSIONS = Map.of(
            "Service", Set.of("v1"),
            "Endpoints", Set.of("v1"),
            "EndpointSlice", Set.of("discovery.k8s.io/v1", "discovery.k8s.io/v1beta1"),
            "Node", Set.of("v1"),
            "ConfigMap", Set.of("v1"),
            "Namespace", Set.of("v1"),
            "NetworkPolicy", Set.of("networking.k8s.io/v1"));
    private static final byte SERVICE = 1;
    private static final byte SLICE = 2;
    private static final byte ENDPOINTS = 3;
    private static final byte NODE = 4;
    private static final byte NAMESPACE = 5;
    private static final byte POLICY = 6;
    private static final byte CONFIG = 7;
    private static final String[] KIND_NAMES = {"", "Service", "EndpointSlice", "Endpoints", "Node", "Namespace",
        "NetworkPolicy", "ConfigMap"};

    /**
     * One object: its identity (kind, namespace, name: equality), where it was read and what it became.
     */
    private static final class Seen {
        final byte kind;
        final String ns;
        final String name;
        final String source;
        final long uid;
        final long pos;
        Object item;

        Seen(byte kind, String ns, String name, String source, long uid, long pos) {
            this.kind = kind;
            this.ns = ns;
            this.name = name;
            this.source = source;
            this.uid = uid;
            this.pos = pos;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Seen s && s.kind == kind && s.name.equals(name) && s.ns.equals(ns);
        }

        @Override
        public int hashCode() {
            return (31 * ns.hashCode() + name.hashCode()) * 31 + kind;
        }

        String describe() {
            return KIND_NAMES[kind] + " " + (ns.isEmpty() ? name : ns + "/" + name);
        }
    }

    private Map<Seen, Seen> index = new HashMap<>();
    private List<List<Seen>> byKind = new ArrayList<>();
    private final Map<String, Long> skippedKinds = new TreeMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, int[]> kept = new HashMap<>();
    private final Map<String, Long> suppressed = new TreeMap<>();
    private final Interner strings = new Interner();
    private String kubernetesVersion = "";
    private long snapshotPolicies;
    private long snapshotNamespaces;
    private long objects;
    private final ObjectMapper yaml;

    /** @param yaml a safe YAML mapper (for the kube-proxy ConfigMap's embedded configuration) */
    public InventoryCollector(ObjectMapper yaml) {
        this.yaml = yaml;
        for (int i = 0; i <= CONFIG; i++) {
            byKind.add(new ArrayList<>());
        }
    }

    @Override
    public String intern(String s) {
        return strings.intern(s);
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
     * A conversion made ahead of {@link #accept}, on the thread that read the object ({@link SplitRead}):
     * the model object or why the object is invalid, the warnings the conversion gave (passed on
     * where {@link #accept} would have made them) and what the index needs, for
     * {@link #acceptConverted}.
     */
    static final class Converted {
        private final Object result;
        private final ItemException failure;
        private final List<String[]> warnings;
        /** What {@link #accept} reads to index the object: its kind, namespace, name and uid. */
        private final String kind;
        private final byte code;
        private final String namespace;
        private final String name;
        private final long uid;

        private Converted(Object result, ItemException failure, List<String[]> warnings, String kind,
                          JsonNode meta) {
            this.result = result;
            this.failure = failure;
            this.warnings = warnings;
            this.kind = kind;
            this.code = kindCode(kind);
            this.namespace = code != NODE && code != NAMESPACE ? KubeObjects.text(meta, "namespace") : "";
            this.name = KubeObjects.text(meta, "name");
            this.uid = uidHash(KubeObjects.text(meta, "uid"));
        }

        private Object replay(KubeObjects.Warnings w) throws ItemException {
            for (String[] x : warnings) {
                w.add(x[0], x[1], x[2]);
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /**
     * Converts an object the way {@link #accept} would, without the collector (its index, problems
     * and strings): for an object read on another thread.
     *
     * @param intern that thread's string table
     * @return the conversion, or null when {@link #accept} decides about the object before converting
     *         it (not an object, a kind or version not read, no metadata or name, a ConfigMap)
     */
    static Converted convertAhead(JsonNode item, List<EndpointInfo> endpoints, String endpointsError,
                                  java.util.function.Function<String, String> intern) {
        if (item == null || !item.isObject()) {
            return null;
        }
        String kind = KubeObjects.text(item, "kind");
        String apiVersion = KubeObjects.text(item, "apiVersion");
        Set<String> versions = API_VERSIONS.get(kind);
        JsonNode meta = KubeObjects.obj(item, "metadata");
        if (versions == null || !versions.contains(apiVersion) || kind.equals("ConfigMap") || meta == null
                || !meta.isObject() || KubeObjects.text(meta, "name").isEmpty()) {
            return null;
        }
        List<String[]> warnings = new ArrayList<>(0);
        KubeObjects.Warnings w = (code, field, detail) -> warnings.add(new String[] {code, field, detail});
        try {
            return new Converted(convert(kindCode(kind), item, intern, apiVersion, endpoints, endpointsError, w), null,
                    warnings, kind, meta);
        } catch (ItemException e) {
            return new Converted(null, e, warnings, kind, meta);
        }
    }

    /** The model object of an object of a kind read (all but the kube-proxy ConfigMap). */
    private static Object convert(byte k, JsonNode item, java.util.function.Function<String, String> intern,
                                  String apiVersion, List<EndpointInfo> endpoints, String endpointsError,
                                  KubeObjects.Warnings w) throws ItemException {
        return switch (k) {
            case SERVICE -> KubeObjects.service(item, intern, w);
            case SLICE -> {
                if (endpointsError != null) {
                    int colon = endpointsError.indexOf(':');
                    throw new ItemException(endpointsError.substring(0, Math.max(0, colon)),
                            endpointsError.substring(colon + 1).strip());
                }
                yield KubeObjects.endpointSlice(item, intern, apiVersion.endsWith("v1beta1"), endpoints, w);
            }
            case ENDPOINTS -> KubeObjects.legacyEndpoints(item, intern, w);
            case NODE -> KubeObjects.node(item, w);
            case NAMESPACE, POLICY -> Boolean.TRUE;
            default -> throw new IllegalStateException(String.valueOf(k));
        };
    }

    /**
     * Where an object is, as problems name it: line:column and JSON path. An object read on another
     * thread builds the text only when a problem needs it.
     */
    interface Place {
        String location();

        String path();

        /** @return line and column packed into a long, or -1 */
        long position();
    }

    private record Written(String location, String path) implements Place {
        @Override
        public long position() {
            return InventoryCollector.position(location);
        }
    }

    /**
     * {@link #accept} of an object converted ahead ({@link #convertAhead}): the checks before the
     * conversion were made there, so what is left is the index (a duplicate is reported and dropped
     * as {@link #accept} does) and taking the conversion's result or error.
     *
     * @param item the object, or what of it {@link #accept} reads (kind, apiVersion, metadata's name,
     *             namespace, uid)
     */
    void acceptConverted(JsonNode item, String source, Place place, Converted ahead) {
        Seen seen = new Seen(ahead.code, intern(ahead.namespace), ahead.name, intern(source), ahead.uid,
                place.position());
        try {
            keep(seen, item, ahead.kind, source, place, ahead::replay);
        } catch (ItemException e) {
            invalid(e, item, ahead.kind, source, place);
        }
    }

    /** Makes the model object of a new object. */
    @FunctionalInterface
    private interface Conversion {
        Object convert(KubeObjects.Warnings w) throws ItemException;
    }

    /** Indexes an object and converts it, or reports it as a duplicate of the one {@code seen} matches. */
    private void keep(Seen seen, JsonNode item, String kind, String source, Place place, Conversion conversion)
            throws ItemException {
        Seen first = index.get(seen);
        if (first != null) {
            duplicate(seen, first, place.location(), place.path() + " (" + kind + " " + name(item) + "): ");
            return;
        }
        seen.item = conversion.convert((code, field, detail) -> problem(ImportProblem.warning(code, source,
                place.location(), place.path() + " (" + kind + " " + name(item) + "): " + field + ": " + detail)));
        index.put(seen, seen);
        byKind.get(seen.kind).add(seen);
        objects++;
    }

    private void invalid(ItemException e, JsonNode item, String kind, String source, Place place) {
        problem(ImportProblem.warning("invalid-object", source, place.location(), place.path() + " (" + kind + " "
                + name(item) + "): " + e.path() + ": " + e.getMessage() + "; skipped"));
    }

    /**
     * Accepts one object whose {@code endpoints} list was already read from the token stream.
     *
     * @param endpoints      the endpoints, or null when the object had none (or was read as a tree)
     * @param endpointsError what was wrong with the list, or null
     */
    @Override
    public void accept(JsonNode item, List<EndpointInfo> endpoints, String endpointsError, String source,
                       String location, String path) {
        if (item == null || !item.isObject()) {
            problem(ImportProblem.warning("not-an-object", source, location, path + ": expected a Kubernetes object, "
                    + "found " + KubeObjects.describe(item)));
            return;
        }
        String kind = KubeObjects.text(item, "kind");
        String apiVersion = KubeObjects.text(item, "apiVersion");
        if (kind.isEmpty()) {
            problem(ImportProblem.warning("missing-kind", source, location, path
                    + ": no 'kind' field; not a Kubernetes object"));
            return;
        }
        Set<String> versions = API_VERSIONS.get(kind);
        if (versions == null) {
            skippedKinds.merge(kind, 1L, Long::sum);
            return;
        }
        if (!versions.contains(apiVersion)) {
            problem(ImportProblem.warning("unknown-api-version", source, location, path + " (" + kind + " "
                    + name(item) + "): apiVersion '" + apiVersion + "' is not supported (expected "
                    + String.join(" or ", new java.util.TreeSet<>(versions)) + "); skipped"));
            skippedKinds.merge(kind + "@" + apiVersion, 1L, Long::sum);
            return;
        }
        Place place = new Written(location, path);
        try {
            JsonNode meta = KubeObjects.require(item, "metadata");
            if (kind.equals("ConfigMap") && !("kube-system".equals(KubeObjects.text(meta, "namespace"))
                    && "kube-proxy".equals(KubeObjects.text(meta, "name")))) {
                skippedKinds.merge("ConfigMap", 1L, Long::sum);
                return;
            }
            String name = KubeObjects.text(meta, "name");
            if (name.isEmpty()) {
                throw new ItemException("metadata.name", "missing");
            }
            byte k = kindCode(kind);
            boolean namespaced = k != NODE && k != NAMESPACE;
            Seen seen = new Seen(k, namespaced ? intern(KubeObjects.text(meta, "namespace")) : "", name,
                    intern(source), uidHash(KubeObjects.text(meta, "uid")), position(location));
            keep(seen, item, kind, source, place, w -> k == CONFIG ? configMap(item, source, location, path)
                    : convert(k, item, this::intern, apiVersion, endpoints, endpointsError, w));
        } catch (ItemException e) {
            invalid(e, item, kind, source, place);
        }
    }

    private static byte kindCode(String kind) {
        return switch (kind) {
            case "Service" -> SERVICE;
            case "EndpointSlice" -> SLICE;
            case "Endpoints" -> ENDPOINTS;
            case "Node" -> NODE;
            case "Namespace" -> NAMESPACE;
            case "NetworkPolicy" -> POLICY;
            case "ConfigMap" -> CONFIG;
            default -> throw new IllegalStateException(kind);
        };
    }

    private void duplicate(Seen again, Seen first, String location, String prefix) {
        boolean conflict = again.uid != 0 && first.uid != 0 && again.uid != first.uid;
        String where = first.source.equals(again.source) ? "earlier in this file" : first.source;
        if (first.pos >= 0) {
            where += " (" + (first.pos >>> 32) + ":" + (first.pos & 0xffffffffL) + ")";
        }
        if (conflict) {
            problem(ImportProblem.warning("conflicting-object", again.source, location, prefix + first.describe()
                    + " was also read from " + where + " with another uid: two objects that had the same name at "
                    + "different times (dumps taken at different times?); the first is kept"));
        } else {
            problem(ImportProblem.warning("duplicate-object", again.source, location, prefix + first.describe()
                    + " was already read from " + where + "; counted once"));
        }
    }

    private static long uidHash(String uid) {
        if (uid.isEmpty()) {
            return 0;
        }
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits: collisions among one cluster's uids are negligible
        for (int i = 0; i < uid.length(); i++) {
            h = (h ^ uid.charAt(i)) * 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    /** @return line and column packed into a long, or -1 */
    private static long position(String location) {
        int colon = location == null ? -1 : location.indexOf(':');
        if (colon <= 0) {
            return -1;
        }
        try {
            return (Long.parseLong(location.substring(0, colon)) << 32) | Long.parseLong(location.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String location(long pos) {
        return pos < 0 ? "" : (pos >>> 32) + ":" + (pos & 0xffffffffL);
    }

    private KubeProxyConfig configMap(JsonNode item, String source, String location, String path)
            throws ItemException {
        JsonNode data = KubeObjects.object(item, "data", "data");
        String conf = data == null ? "" : KubeObjects.text(data, "config.conf");
        if (conf.isEmpty()) {
            throw new ItemException("data[config.conf]", "missing");
        }
        return KubeProxyConfigReader.read(conf, yaml, w -> problem(ImportProblem.warning(
                "kube-proxy-config", source, location, path + " (ConfigMap kube-system/kube-proxy): " + w)));
    }

    private static String name(JsonNode item) {
        JsonNode meta = KubeObjects.obj(item, "metadata");
        if (meta == null || !meta.isObject()) {
            return "?";
        }
        String ns = KubeObjects.text(meta, "namespace");
        return ns.isEmpty() ? KubeObjects.text(meta, "name") : ns + "/" + KubeObjects.text(meta, "name");
    }

    /**
     * Records a problem found while reading (kept with the file's outcome). Warnings beyond
     * {@link #MAX_PER_CODE} of one code are counted, not kept.
     */
    @Override
    public void problem(ImportProblem p) {
        if (p.severity() == ImportProblem.Severity.WARNING) {
            int[] n = kept.computeIfAbsent(p.code(), c -> new int[1]);
            if (n[0] >= MAX_PER_CODE) {
                suppressed.merge(p.code(), 1L, Long::sum);
                return;
            }
            n[0]++;
        }
        problems.add(p);
    }

    /** @return Services collected so far */
    public long serviceCount() {
        return byKind.get(SERVICE).size();
    }

    /** @return EndpointSlices and legacy Endpoints collected so far */
    public long endpointSliceCount() {
        return byKind.get(SLICE).size() + byKind.get(ENDPOINTS).size();
    }

    /** @return Nodes collected so far */
    public long nodeCount() {
        return byKind.get(NODE).size();
    }

    /** @return objects imported so far (each identity once) */
    public long objects() {
        return objects;
    }

    /**
     * Counts warnings of one code that are beyond the {@link #MAX_PER_CODE} kept (for a reader that
     * dropped them itself, after passing on at least that many of the code).
     */
    void suppressed(String code, long n) {
        suppressed.merge(code, n, Long::sum);
    }

    /** @return true when objects of this kind are read (not only counted as skipped) */
    static boolean reads(String kind) {
        return API_VERSIONS.containsKey(kind);
    }

    /** @return problems so far (the summaries of suppressed warnings come with {@link #build}) */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** @return kinds skipped so far, with counts */
    public Map<String, Long> skippedKinds() {
        return skippedKinds;
    }

    /** Adds an inventory that was already built (a snapshot); its objects have no uid or location. */
    public void addInventory(ClusterInventory inv) {
        addInventory(inv, inv.name());
    }

    /**
     * Adds an inventory that was already built (a snapshot), object by object: objects already
     * collected are counted once, with a warning.
     *
     * @param source the snapshot file, for warnings
     */
    public void addInventory(ClusterInventory inv, String source) {
        String src = intern(source);
        for (ServiceInfo s : inv.services()) {
            add(new Seen(SERVICE, intern(s.namespace()), s.name(), src, 0, -1), s);
        }
        for (EndpointSliceInfo s : inv.endpointSlices()) {
            add(new Seen(SLICE, intern(s.namespace()), s.name(), src, 0, -1), s);
        }
        for (NodeInfo n : inv.nodes()) {
            add(new Seen(NODE, "", n.name(), src, 0, -1), n);
        }
        // snapshots carry only counts of these: the largest count stands for them
        snapshotPolicies = Math.max(snapshotPolicies, inv.networkPolicies());
        snapshotNamespaces = Math.max(snapshotNamespaces, inv.namespaces());
        if (!inv.kubeProxy().equals(KubeProxyConfig.defaults())) {
            add(new Seen(CONFIG, "kube-system", "kube-proxy", src, 0, -1), inv.kubeProxy());
        }
        if (!inv.kubernetesVersion().isEmpty()) {
            kubernetesVersion = inv.kubernetesVersion();
        }
    }

    private void add(Seen s, Object item) {
        s.item = item;
        Seen first = index.putIfAbsent(s, s);
        if (first != null) {
            duplicate(s, first, "", "");
            return;
        }
        byKind.get(s.kind).add(s);
        objects++;
    }

    /**
     * Moves everything another collector gathered into this one; its objects already collected here
     * are dropped with a warning.
     *
     * @return how many of the other collector's objects were duplicates
     */
    public long absorb(InventoryCollector other) {
        for (ImportProblem p : other.problems) {
            problem(p);
        }
        other.suppressed.forEach((k, v) -> suppressed.merge(k, v, Long::sum));
        long dropped = 0;
        if (index.isEmpty()) {
            // the first file: take its objects over instead of copying them (half the peak memory)
            index = other.index;
            byKind = other.byKind;
            other.index = new HashMap<>();
            other.byKind = new ArrayList<>();
            for (int i = 0; i <= CONFIG; i++) {
                other.byKind.add(new ArrayList<>());
            }
        }
        for (int k = 1; k <= CONFIG; k++) {
            for (Seen s : other.byKind.get(k)) {
                Seen first = index.putIfAbsent(s, s);
                if (first != null) {
                    duplicate(s, first, location(s.pos), "");
                    dropped++;
                } else {
                    byKind.get(k).add(s);
                }
            }
        }
        snapshotPolicies = Math.max(snapshotPolicies, other.snapshotPolicies);
        snapshotNamespaces = Math.max(snapshotNamespaces, other.snapshotNamespaces);
        other.skippedKinds.forEach((k, v) -> skippedKinds.merge(k, v, Long::sum));
        if (!other.kubernetesVersion.isEmpty()) {
            kubernetesVersion = other.kubernetesVersion;
        }
        objects += other.objects - dropped;
        return dropped;
    }

    /**
     * Builds the inventory. Legacy Endpoints are used only for Services that no EndpointSlice covers
     * (the EndpointSlice mirroring controller makes slices for them in live clusters). Reports
     * EndpointSlices without a Service, an inventory with Services but no Nodes, and the warnings
     * that were counted but not kept.
     *
     * @param name inventory name
     * @return the inventory
     */
    public ClusterInventory build(String name) {
        List<ServiceInfo> services = items(SERVICE, ServiceInfo.class);
        List<EndpointSliceInfo> all = new ArrayList<>(items(SLICE, EndpointSliceInfo.class));
        List<Seen> legacySeen = byKind.get(ENDPOINTS);
        List<Seen> allSeen = new ArrayList<>(byKind.get(SLICE));
        if (!legacySeen.isEmpty()) {
            Set<String> covered = new HashSet<>();
            for (EndpointSliceInfo s : all) {
                covered.add(s.serviceKey());
            }
            for (Seen e : legacySeen) {
                @SuppressWarnings("unchecked")
                List<EndpointSliceInfo> converted = (List<EndpointSliceInfo>) e.item;
                for (EndpointSliceInfo s : converted) {
                    if (!covered.contains(s.serviceKey())) {
                        all.add(s);
                        allSeen.add(e);
                    }
                }
            }
        }
        reportOrphans(all, allSeen);
        List<NodeInfo> nodes = items(NODE, NodeInfo.class);
        if (nodes.isEmpty() && !services.isEmpty()) {
            problem(ImportProblem.warning("no-nodes", "", "", "the inputs hold " + services.size()
                    + " Service(s) but no Nodes: node count, cores and kernel are unknown "
                    + "(kubectl get nodes -o json adds them)"));
        }
        suppressed.forEach((code, n) -> problems.add(ImportProblem.warning(code, "", "", "... and " + n
                + " more '" + code + "' warning(s), not listed")));
        suppressed.clear();
        String version = kubernetesVersion.isEmpty() ? versionFromNodes(nodes) : kubernetesVersion;
        long named = byKind.get(NAMESPACE).size();
        long nsCount = Math.max(named, snapshotNamespaces);
        if (nsCount == 0) {
            Set<String> seen = new HashSet<>();
            for (ServiceInfo s : services) {
                seen.add(s.namespace());
            }
            nsCount = seen.size();
        }
        long policies = Math.max(byKind.get(POLICY).size(), snapshotPolicies);
        List<Seen> config = byKind.get(CONFIG);
        KubeProxyConfig kp = config.isEmpty() ? KubeProxyConfig.defaults() : (KubeProxyConfig) config.get(0).item;
        return new ClusterInventory(name, version, services, all, nodes, kp, (int) Math.min(Integer.MAX_VALUE,
                policies), (int) Math.min(Integer.MAX_VALUE, nsCount));
    }

    private void reportOrphans(List<EndpointSliceInfo> slices, List<Seen> seen) {
        long orphans = 0;
        long orphanEndpoints = 0;
        for (int i = 0; i < slices.size(); i++) {
            EndpointSliceInfo s = slices.get(i);
            Seen where = seen.get(i);
            boolean noLabel = s.serviceName().isEmpty();
            if (noLabel || !index.containsKey(new Seen(SERVICE, s.namespace(), s.serviceName(), "", 0, -1))) {
                orphans++;
                orphanEndpoints += s.endpoints().size();
                String what = where.describe();
                problem(ImportProblem.warning("orphan-endpoint-slice", where.source, location(where.pos), what
                        + (noLabel ? ": no '" + KubeObjects.SERVICE_NAME_LABEL + "' label"
                        : ": its Service " + s.serviceKey() + " is not in the inputs")
                        + "; its " + s.endpoints().size() + " endpoint(s) are kept but count for no Service"));
            }
        }
        if (orphans > 0) {
            problem(ImportProblem.warning("orphan-endpoint-slices", "", "", orphans + " EndpointSlice(s) with "
                    + orphanEndpoints + " endpoint(s) belong to no Service in the inputs"));
        }
    }

    private <T> List<T> items(byte kind, Class<T> type) {
        List<Seen> seen = byKind.get(kind);
        List<T> out = new ArrayList<>(seen.size());
        for (Seen s : seen) {
            out.add(type.cast(s.item));
        }
        return out;
    }

    /** @return true when a kube-proxy ConfigMap was read */
    public boolean hasKubeProxyConfig() {
        return !byKind.get(CONFIG).isEmpty();
    }

    /** The most common kube-proxy version reported by nodes, else the most common kubelet version. */
    static String versionFromNodes(List<NodeInfo> nodes) {
        Map<String, Integer> proxy = new HashMap<>();
        Map<String, Integer> kubelet = new HashMap<>();
        for (NodeInfo n : nodes) {
            count(proxy, n.kubeProxyVersion());
            count(kubelet, n.kubeletVersion());
        }
        return mostCommon(proxy.isEmpty() ? kubelet : proxy);
    }

    private static void count(Map<String, Integer> m, String version) {
        if (version.isEmpty()) {
            return;
        }
        try {
            m.merge(KubeVersion.parse(version).toString(), 1, Integer::sum);
        } catch (IllegalArgumentException e) {
            // not a version: reported when the node was read
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
