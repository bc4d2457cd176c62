package dev.kpp.importer.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.io.OutputException;
import dev.kpp.importer.io.SafeOutput;
import dev.kpp.importer.spi.HistogramSummary;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.AddressType;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.ConntrackConfig;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointPortInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServicePortInfo;
import dev.kpp.model.inventory.SessionAffinity;
import dev.kpp.model.inventory.TrafficPolicy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Writes snapshots as one streamed JSON document, {@code format} and {@code version} first. */
final class SnapshotWriter {
    private SnapshotWriter() {
    }

    /**
     * Saves through {@link SafeOutput}: atomically, never over an input or a non-regular file.
     *
     * @param snapshot the snapshot
     * @param target   the file, or {@code -} for {@code stdout}
     * @param inputs   the files the snapshot was read from (the target may not be one of them)
     * @param stdout   where {@code -} writes
     * @throws OutputException when the target may not be written or writing fails (it is then unchanged)
     */
    static void save(Snapshot snapshot, Path target, Collection<Path> inputs, OutputStream stdout)
            throws OutputException {
        SafeOutput.write(target, inputs, stdout, out -> write(snapshot, out));
    }

    /** Writes the snapshot as JSON (UTF-8, no indentation) to a stream; the stream is not closed. */
    static void write(Snapshot s, OutputStream out) throws IOException {
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
        if (!p.kubeServer().isEmpty() || !p.kubeServerVersion().isEmpty()) {
            g.writeStringField("kubeServer", p.kubeServer());
            g.writeStringField("kubeServerVersion", p.kubeServerVersion());
        }
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
            if (!n.pool().isEmpty()) {
                g.writeStringField("pool", n.pool());
            }
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
