package dev.kpp.importer.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.file.Parsers;
import dev.kpp.importer.metrics.HistogramSummary;
import dev.kpp.importer.metrics.ObservedMetrics;
import dev.kpp.importer.rules.RuleDumpSummary;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.AddressType;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.ConntrackConfig;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointPortInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServicePortInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.SessionAffinity;
import dev.kpp.model.inventory.TrafficPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes and reads snapshots as one JSON document, streaming in both directions so that a
 * 50,000-service inventory never exists as a JSON tree. The {@code format} and {@code version}
 * fields come first, so a reader can tell a snapshot from a kubectl dump by its first bytes.
 */
public final class SnapshotCodec {
    private SnapshotCodec() {
    }

    /**
     * Saves atomically: a temporary file beside the target, then a move over it.
     *
     * @param snapshot the snapshot
     * @param target   the file
     * @throws IOException when writing fails (the target is then unchanged)
     */
    public static void save(Snapshot snapshot, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(snapshot, out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the snapshot as JSON (UTF-8, no indentation) to a stream; the stream is not closed. */
    public static void write(Snapshot s, OutputStream out) throws IOException {
        try (JsonGenerator g = Parsers.JSON.getFactory().createGenerator(new NonClosingOut(out))) {
            g.writeStartObject();
            g.writeStringField("format", Snapshot.FORMAT);
            g.writeNumberField("version", Snapshot.VERSION);
            writeProvenance(g, s.provenance());
            writeInventory(g, s.inventory());
            g.writeObjectFieldStart("skippedKinds");
            for (Map.Entry<String, Long> e : s.skippedKinds().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("metrics");
            for (ObservedMetrics m : s.metrics()) {
                writeMetrics(g, m);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ruleDumps");
            for (RuleDumpSummary r : s.ruleDumps()) {
                g.writeStartObject();
                g.writeStringField("source", r.source());
                g.writeStringField("kind", r.kind());
                g.writeObjectFieldStart("counts");
                for (Map.Entry<String, Long> e : r.counts().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeProvenance(JsonGenerator g, Provenance p) throws IOException {
        g.writeObjectFieldStart("provenance");
        g.writeStringField("kppVersion", p.kppVersion());
        g.writeStringField("importedAt", p.importedAt().toString());
        g.writeStringField("kubeContext", p.kubeContext());
        g.writeBooleanField("redacted", p.redacted());
        g.writeBooleanField("partial", p.partial());
        g.writeArrayFieldStart("files");
        for (SourceFile f : p.files()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            g.writeStringField("kind", f.kind());
            g.writeStringField("sha256", f.sha256());
            g.writeNumberField("bytes", f.bytes());
            g.writeNumberField("objects", f.objects());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeInventory(JsonGenerator g, ClusterInventory inv) throws IOException {
        g.writeObjectFieldStart("inventory");
        g.writeStringField("name", inv.name());
        g.writeStringField("kubernetesVersion", inv.kubernetesVersion());
        g.writeNumberField("networkPolicies", inv.networkPolicies());
        g.writeNumberField("namespaces", inv.namespaces());
        KubeProxyConfig kp = inv.kubeProxy();
        g.writeObjectFieldStart("kubeProxy");
        if (kp.mode().isPresent()) {
            g.writeStringField("mode", kp.mode().get().id());
        } else {
            g.writeNullField("mode");
        }
        g.writeNumberField("syncPeriodSeconds", kp.syncPeriodSeconds());
        g.writeNumberField("minSyncPeriodSeconds", kp.minSyncPeriodSeconds());
        g.writeBooleanField("masqueradeAll", kp.masqueradeAll());
        g.writeStringField("clusterCIDR", kp.clusterCidr());
        g.writeStringField("detectLocalMode", kp.detectLocalMode());
        g.writeBooleanField("ipvsStrictARP", kp.ipvsStrictArp());
        ConntrackConfig ct = kp.conntrack();
        g.writeObjectFieldStart("conntrack");
        g.writeNumberField("maxPerCore", ct.maxPerCore());
        g.writeNumberField("min", ct.min());
        g.writeNumberField("tcpEstablishedTimeoutSeconds", ct.tcpEstablishedTimeoutSeconds());
        g.writeNumberField("tcpCloseWaitTimeoutSeconds", ct.tcpCloseWaitTimeoutSeconds());
        g.writeNumberField("tcpTimeWaitTimeoutSeconds", ct.tcpTimeWaitTimeoutSeconds());
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("nodes");
        for (NodeInfo n : inv.nodes()) {
            g.writeStartObject();
            g.writeStringField("name", n.name());
            g.writeNumberField("cores", n.cores());
            g.writeNumberField("memoryBytes", n.memoryBytes());
            g.writeStringField("kernelVersion", n.kernelVersion());
            g.writeStringField("osImage", n.osImage());
            g.writeStringField("kubeProxyVersion", n.kubeProxyVersion());
            g.writeStringField("kubeletVersion", n.kubeletVersion());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("services");
        for (ServiceInfo s : inv.services()) {
            g.writeStartObject();
            g.writeStringField("namespace", s.namespace());
            g.writeStringField("name", s.name());
            g.writeStringField("type", s.type().apiName());
            strings(g, "clusterIPs", s.clusterIPs());
            g.writeArrayFieldStart("ports");
            for (ServicePortInfo p : s.ports()) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeStringField("protocol", p.protocol().name());
                g.writeNumberField("port", p.port());
                if (p.nodePort() > 0) {
                    g.writeNumberField("nodePort", p.nodePort());
                }
                g.writeStringField("targetPort", p.targetPort());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "externalIPs", s.externalIPs());
            strings(g, "loadBalancerIngressIPs", s.loadBalancerIngressIPs());
            g.writeStringField("externalTrafficPolicy", policy(s.externalTrafficPolicy()));
            g.writeStringField("internalTrafficPolicy", policy(s.internalTrafficPolicy()));
            g.writeStringField("sessionAffinity", s.sessionAffinity() == SessionAffinity.CLIENT_IP ? "ClientIP" : "None");
            strings(g, "loadBalancerSourceRanges", s.loadBalancerSourceRanges());
            g.writeNumberField("healthCheckNodePort", s.healthCheckNodePort());
            g.writeStringField("serviceProxyName", s.serviceProxyName());
            g.writeStringField("externalName", s.externalName());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("endpointSlices");
        for (EndpointSliceInfo sl : inv.endpointSlices()) {
            g.writeStartObject();
            g.writeStringField("namespace", sl.namespace());
            g.writeStringField("name", sl.name());
            g.writeStringField("serviceName", sl.serviceName());
            g.writeStringField("addressType", addressType(sl.addressType()));
            g.writeArrayFieldStart("ports");
            for (EndpointPortInfo p : sl.ports()) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeStringField("protocol", p.protocol().name());
                g.writeNumberField("port", p.port());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("endpoints");
            for (EndpointInfo e : sl.endpoints()) {
                g.writeStartObject();
                strings(g, "addresses", e.addresses());
                g.writeStringField("nodeName", e.nodeName());
                g.writeBooleanField("ready", e.ready());
                g.writeBooleanField("serving", e.serving());
                g.writeBooleanField("terminating", e.terminating());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeMetrics(JsonGenerator g, ObservedMetrics m) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", m.source());
        g.writeObjectFieldStart("histograms");
        for (Map.Entry<String, HistogramSummary> e : m.histograms().entrySet()) {
            HistogramSummary h = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            g.writeNumberField("count", h.count());
            g.writeNumberField("sum", h.sum());
            g.writeArrayFieldStart("buckets");
            for (Map.Entry<Double, Double> b : h.buckets().entrySet()) {
                g.writeStartArray();
                if (b.getKey().isInfinite()) {
                    g.writeString("+Inf");
                } else {
                    g.writeNumber(b.getKey());
                }
                g.writeNumber(b.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("values");
        for (Map.Entry<String, Double> e : m.values().entrySet()) {
            if (e.getValue().isNaN() || e.getValue().isInfinite()) {
                g.writeStringField(e.getKey(), e.getValue().toString());
            } else {
                g.writeNumberField(e.getKey(), e.getValue());
            }
        }
        g.writeEndObject();
        g.writeNumberField("otherSeries", m.otherSeries());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static String policy(TrafficPolicy p) {
        return p == TrafficPolicy.LOCAL ? "Local" : "Cluster";
    }

    private static String addressType(AddressType t) {
        return switch (t) {
            case IPV4 -> "IPv4";
            case IPV6 -> "IPv6";
            case FQDN -> "FQDN";
        };
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a snapshot.
     *
     * @param in     the bytes (not closed)
     * @param source name for messages
     * @param cancel polled between objects
     * @return the snapshot
     * @throws ImportException when the document is not a kpp snapshot, has another version, or is malformed
     */
    public static Snapshot read(InputStream in, String source, Cancellation cancel) throws ImportException, IOException {
        JsonParser p = Parsers.JSON.getFactory().createParser(in);
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(source, p, "$", "a snapshot is a JSON object");
            }
            String format = null;
            Integer version = null;
            Provenance provenance = null;
            ClusterInventory inventory = null;
            List<ObservedMetrics> metrics = new ArrayList<>();
            List<RuleDumpSummary> rules = new ArrayList<>();
            Map<String, Long> skipped = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "format" -> {
                        format = p.getValueAsString();
                        if (!Snapshot.FORMAT.equals(format)) {
                            throw bad(source, p, "$.format", "'" + format + "' is not " + Snapshot.FORMAT);
                        }
                    }
                    case "version" -> {
                        if (v != JsonToken.VALUE_NUMBER_INT) {
                            throw bad(source, p, "$.version", "expected an integer");
                        }
                        version = p.getIntValue();
                        if (version != Snapshot.VERSION) {
                            throw new ImportException(ImportProblem.error("unsupported-snapshot-version", source,
                                    "$.version", "snapshot version " + version + (version > Snapshot.VERSION
                                            ? " was written by a newer kpp" : " is unknown")
                                            + "; this kpp reads version " + Snapshot.VERSION));
                        }
                    }
                    case "provenance" -> provenance = provenance(tree(p), source);
                    case "inventory" -> {
                        requireHeader(format, version, source, p);
                        inventory = inventory(p, source, cancel);
                    }
                    case "skippedKinds" -> tree(p).properties().forEach(
                            e -> skipped.put(e.getKey(), e.getValue().asLong()));
                    case "metrics" -> {
                        for (JsonNode m : tree(p)) {
                            metrics.add(metrics(m));
                        }
                    }
                    case "ruleDumps" -> {
                        for (JsonNode r : tree(p)) {
                            Map<String, Long> counts = new LinkedHashMap<>();
                            JsonNode c = r.get("counts");
                            if (c != null) {
                                c.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
                            }
                            rules.add(new RuleDumpSummary(text(r, "source"), text(r, "kind"), counts));
                        }
                    }
                    default -> p.skipChildren(); // fields of later minor additions
                }
            }
            requireHeader(format, version, source, p);
            if (inventory == null) {
                throw bad(source, p, "$.inventory", "missing");
            }
            return new Snapshot(provenance == null ? new Provenance("", null, "", false, false, List.of()) : provenance,
                    inventory, metrics, rules, skipped);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            throw new ImportException(ImportProblem.error("malformed-snapshot", source,
                    loc.getLineNr() + ":" + loc.getColumnNr(), e.getOriginalMessage()), e);
        }
    }

    private static void requireHeader(String format, Integer version, String source, JsonParser p)
            throws ImportException {
        if (format == null) {
            throw bad(source, p, "$.format", "missing; not a kpp snapshot");
        }
        if (version == null) {
            throw bad(source, p, "$.version", "missing");
        }
    }

    private static ImportException bad(String source, JsonParser p, String path, String detail) {
        return new ImportException(ImportProblem.error("malformed-snapshot", source, path, detail
                + " (near " + p.currentLocation().getLineNr() + ":" + p.currentLocation().getColumnNr() + ")"));
    }

    private static Provenance provenance(JsonNode n, String source) throws ImportException {
        List<SourceFile> files = new ArrayList<>();
        JsonNode fs = n.get("files");
        if (fs != null) {
            for (JsonNode f : fs) {
                files.add(new SourceFile(text(f, "path"), text(f, "kind"), text(f, "sha256"), f.path("bytes").asLong(),
                        f.path("objects").asLong()));
            }
        }
        Instant at;
        try {
            at = Instant.parse(text(n, "importedAt"));
        } catch (DateTimeParseException e) {
            throw new ImportException(ImportProblem.error("malformed-snapshot", source, "$.provenance.importedAt",
                    "not an ISO-8601 UTC time: '" + text(n, "importedAt") + "'"));
        }
        return new Provenance(text(n, "kppVersion"), at, text(n, "kubeContext"), n.path("redacted").asBoolean(),
                n.path("partial").asBoolean(), files);
    }

    private static ClusterInventory inventory(JsonParser p, String source, Cancellation cancel)
            throws IOException, ImportException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw bad(source, p, "$.inventory", "expected an object");
        }
        String name = "";
        String version = "";
        int policies = 0;
        int namespaces = 0;
        KubeProxyConfig kp = KubeProxyConfig.defaults();
        List<NodeInfo> nodes = new ArrayList<>();
        List<ServiceInfo> services = new ArrayList<>();
        List<EndpointSliceInfo> slices = new ArrayList<>();
        Map<String, String> pool = new HashMap<>();
        Function<String, String> intern = s -> {
            String prev = pool.putIfAbsent(s, s);
            return prev == null ? s : prev;
        };
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            String path = "$.inventory." + f;
            switch (f) {
                case "name" -> name = p.getValueAsString("");
                case "kubernetesVersion" -> version = p.getValueAsString("");
                case "networkPolicies" -> policies = p.getValueAsInt(0);
                case "namespaces" -> namespaces = p.getValueAsInt(0);
                case "kubeProxy" -> kp = kubeProxy(tree(p), source);
                case "nodes", "services", "endpointSlices" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        throw bad(source, p, path, "expected a list");
                    }
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode n = tree(p);
                        String itemPath = path + "[" + i + "]";
                        try {
                            switch (f) {
                                case "nodes" -> nodes.add(new NodeInfo(text(n, "name"), n.path("cores").asDouble(),
                                        n.path("memoryBytes").asLong(), text(n, "kernelVersion"), text(n, "osImage"),
                                        text(n, "kubeProxyVersion"), text(n, "kubeletVersion")));
                                case "services" -> services.add(service(n, intern));
                                default -> slices.add(slice(n, intern));
                            }
                        } catch (IllegalArgumentException e) {
                            throw new ImportException(ImportProblem.error("malformed-snapshot", source, itemPath,
                                    e.getMessage()));
                        }
                        if ((++i & 255) == 0) {
                            cancel.check();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        try {
            return new ClusterInventory(name, version, services, slices, nodes, kp, policies, namespaces);
        } catch (IllegalArgumentException e) {
            throw new ImportException(ImportProblem.error("malformed-snapshot", source, "$.inventory", e.getMessage()));
        }
    }

    private static KubeProxyConfig kubeProxy(JsonNode n, String source) throws ImportException {
        try {
            JsonNode ct = n.path("conntrack");
            ConntrackConfig d = ConntrackConfig.defaults();
            ConntrackConfig conntrack = new ConntrackConfig(ct.path("maxPerCore").asLong(d.maxPerCore()),
                    ct.path("min").asLong(d.min()),
                    ct.path("tcpEstablishedTimeoutSeconds").asLong(d.tcpEstablishedTimeoutSeconds()),
                    ct.path("tcpCloseWaitTimeoutSeconds").asLong(d.tcpCloseWaitTimeoutSeconds()),
                    ct.path("tcpTimeWaitTimeoutSeconds").asLong(d.tcpTimeWaitTimeoutSeconds()));
            String mode = text(n, "mode");
            return new KubeProxyConfig(mode.isEmpty() ? Optional.empty() : Optional.of(ProxyMode.fromId(mode)),
                    n.path("syncPeriodSeconds").asDouble(30), n.path("minSyncPeriodSeconds").asDouble(1), conntrack,
                    n.path("masqueradeAll").asBoolean(), text(n, "clusterCIDR"), text(n, "detectLocalMode"),
                    n.path("ipvsStrictARP").asBoolean());
        } catch (IllegalArgumentException e) {
            throw new ImportException(ImportProblem.error("malformed-snapshot", source, "$.inventory.kubeProxy",
                    e.getMessage()));
        }
    }

    private static ServiceInfo service(JsonNode n, Function<String, String> intern) {
        List<ServicePortInfo> ports = new ArrayList<>();
        for (JsonNode p : n.path("ports")) {
            ports.add(new ServicePortInfo(intern.apply(text(p, "name")), Protocol.fromApi(text(p, "protocol")),
                    p.path("port").asInt(), p.path("nodePort").asInt(0), text(p, "targetPort")));
        }
        return new ServiceInfo(intern.apply(text(n, "namespace")), text(n, "name"),
                ServiceType.fromApi(text(n, "type")), list(n, "clusterIPs"), ports, list(n, "externalIPs"),
                list(n, "loadBalancerIngressIPs"), TrafficPolicy.fromApi(text(n, "externalTrafficPolicy")),
                TrafficPolicy.fromApi(text(n, "internalTrafficPolicy")),
                SessionAffinity.fromApi(text(n, "sessionAffinity")), list(n, "loadBalancerSourceRanges"),
                n.path("healthCheckNodePort").asInt(0), text(n, "serviceProxyName"), text(n, "externalName"));
    }

    private static EndpointSliceInfo slice(JsonNode n, Function<String, String> intern) {
        List<EndpointPortInfo> ports = new ArrayList<>();
        for (JsonNode p : n.path("ports")) {
            ports.add(new EndpointPortInfo(intern.apply(text(p, "name")), Protocol.fromApi(text(p, "protocol")),
                    p.path("port").asInt()));
        }
        List<EndpointInfo> eps = new ArrayList<>();
        for (JsonNode e : n.path("endpoints")) {
            eps.add(new EndpointInfo(list(e, "addresses"), intern.apply(text(e, "nodeName")),
                    e.path("ready").asBoolean(true), e.path("serving").asBoolean(true),
                    e.path("terminating").asBoolean(false)));
        }
        return new EndpointSliceInfo(intern.apply(text(n, "namespace")), text(n, "name"), text(n, "serviceName"),
                AddressType.fromApi(text(n, "addressType")), ports, eps);
    }

    private static ObservedMetrics metrics(JsonNode m) {
        Map<String, HistogramSummary> hs = new LinkedHashMap<>();
        m.path("histograms").properties().forEach(e -> {
            Map<Double, Double> buckets = new LinkedHashMap<>();
            for (JsonNode b : e.getValue().path("buckets")) {
                double le = b.get(0).isTextual() ? Double.POSITIVE_INFINITY : b.get(0).asDouble();
                buckets.put(le, b.get(1).asDouble());
            }
            hs.put(e.getKey(), new HistogramSummary(e.getValue().path("count").asDouble(),
                    e.getValue().path("sum").asDouble(), buckets));
        });
        Map<String, Double> values = new LinkedHashMap<>();
        m.path("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().isTextual()
                ? Double.parseDouble(e.getValue().asText().replace("Infinity", "Infinity")) : e.getValue().asDouble()));
        return new ObservedMetrics(text(m, "source"), hs, values, m.path("otherSeries").asLong());
    }

    private static JsonNode tree(JsonParser p) throws IOException {
        JsonNode n = Parsers.JSON_TREE.readTree(p);
        return n == null ? Parsers.JSON.missingNode() : n;
    }

    private static List<String> list(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode x : v) {
            out.add(x.asText());
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static final class NonClosingOut extends java.io.FilterOutputStream {
        NonClosingOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
