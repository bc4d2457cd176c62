package dev.kpp.importer.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.codec.ParserMessages;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.codec.WellFormedText;
import dev.kpp.importer.spi.HistogramSummary;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
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

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads snapshots streaming, checking format and version first. */
final class SnapshotReader {
    private SnapshotReader() {
    }

    /**
     * Reads a snapshot.
     *
     * @param in     the bytes (not closed)
     * @param source name for messages
     * @param cancel polled between objects
     * @return the snapshot
     * @throws ImportException when the document is not a kpp snapshot, has another version, or is malformed
     */
    static Snapshot read(InputStream in, String source, Cancellation cancel) throws ImportException, IOException {
        JsonParser p;
        try {
            p = WellFormedText.checking(Parsers.JSON.getFactory().createParser(in));
        } catch (CharConversionException e) {
            throw undecodable(source, null, e);
        }
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
                        int i = 0;
                        for (JsonNode m : tree(p)) {
                            metrics.add(metrics(m, source, "$.metrics[" + i++ + "]"));
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
        } catch (CharConversionException e) {
            throw undecodable(source, p, e);
        }
    }

    private static ImportException undecodable(String source, JsonParser p, CharConversionException e) {
        String where = ParserMessages.decoderOffset(e);
        if (where.isEmpty()) {
            where = p == null ? "byte 0" : p.currentLocation().getLineNr() + ":" + p.currentLocation().getColumnNr();
        }
        return new ImportException(ImportProblem.error("malformed-snapshot", source, where,
                ParserMessages.undecodable(e)), e);
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
                n.path("partial").asBoolean(), files, text(n, "kubeServer"), text(n, "kubeServerVersion"));
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
                                        text(n, "kubeProxyVersion"), text(n, "kubeletVersion"), text(n, "pool")));
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

    /**
     * One {@code metrics[]} entry. Values are numbers, or the strings {@code NaN}, {@code Infinity}
     * and {@code -Infinity} that the writer uses for what JSON numbers cannot hold; a bucket is a
     * {@code [le, count]} pair whose {@code le} is a number or {@code "+Inf"}.
     */
    private static ObservedMetrics metrics(JsonNode m, String source, String path) throws ImportException {
        Map<String, HistogramSummary> hs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : m.path("histograms").properties()) {
            String hPath = path + ".histograms." + e.getKey();
            Map<Double, Double> buckets = new LinkedHashMap<>();
            int i = 0;
            for (JsonNode b : e.getValue().path("buckets")) {
                String bPath = hPath + ".buckets[" + i++ + "]";
                if (!b.isArray() || b.size() != 2) {
                    throw new ImportException(ImportProblem.error("malformed-snapshot", source, bPath,
                            "expected a [le, count] pair"));
                }
                JsonNode le = b.get(0);
                double bound;
                if (le.isNumber()) {
                    bound = le.asDouble();
                } else if (le.isTextual() && INFINITE_BOUNDS.contains(le.asText())) {
                    bound = Double.POSITIVE_INFINITY;
                } else {
                    throw new ImportException(ImportProblem.error("malformed-snapshot", source, bPath + "[0]",
                            "expected a number or \"+Inf\" as the bucket's upper bound"));
                }
                buckets.put(bound, number(b.get(1), source, bPath + "[1]"));
            }
            hs.put(e.getKey(), new HistogramSummary(e.getValue().path("count").asDouble(),
                    e.getValue().path("sum").asDouble(), buckets));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : m.path("values").properties()) {
            values.put(e.getKey(), number(e.getValue(), source, path + ".values." + e.getKey()));
        }
        return new ObservedMetrics(text(m, "source"), hs, values, m.path("otherSeries").asLong());
    }

    private static final java.util.Set<String> INFINITE_BOUNDS = java.util.Set.of("+Inf", "Inf", "Infinity",
            "+Infinity");
    private static final java.util.Set<String> NON_FINITE = java.util.Set.of("NaN", "Infinity", "-Infinity");

    private static double number(JsonNode v, String source, String path) throws ImportException {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual() && NON_FINITE.contains(v.asText())) {
            return Double.parseDouble(v.asText());
        }
        throw new ImportException(ImportProblem.error("malformed-snapshot", source, path,
                "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\")"));
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

}
