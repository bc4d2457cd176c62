package dev.kpp.importer.file;

import dev.kpp.importer.codec.Parsers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.TrafficPolicy;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a realistic {@code kubectl get namespaces,services,endpointslices,nodes,configmaps -A -o json}
 * dump of the synthetic cluster a {@link ScenarioParams} describes: the same layout, names and
 * addresses as {@link SyntheticCluster#inventory} (so importing it gives the same workload as
 * {@link SyntheticCluster#workload}), shaped like kubectl's output (4-space indentation, metadata,
 * EndpointSlices of at most 100 endpoints with conditions, nodeName, targetRef and zone). Written
 * with a streaming generator: memory stays constant whatever the size.
 */
public final class DumpGenerator {
    private static final String CREATED = "2026-01-05T09:00:00Z";

    private DumpGenerator() {
    }

    /** Runs of identical Services: the layout of {@link SyntheticCluster#blocks}. */
    private static List<SyntheticCluster.Block> blocks(ScenarioParams p) {
        return SyntheticCluster.blocks(p);
    }

    /** 10.{block}.x.y addressing for the n-th object, as SyntheticCluster does. */
    static String ip(int block, long n) {
        return SyntheticCluster.ip(block, n);
    }

    private static String uid(int kind, long n) {
        return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", kind, n);
    }

    /**
     * Writes the dump.
     *
     * @param p        the scenario (services, endpoints per service, shares, nodes, versions...)
     * @param out      where to write (not closed)
     * @param progress receives Services written / total
     * @param cancel   polled every 256 Services
     * @throws IOException when writing fails
     */
    public static void write(ScenarioParams p, OutputStream out, ProgressListener progress, Cancellation cancel)
            throws IOException {
        DefaultIndenter indent = new DefaultIndenter("    ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indent);
        pretty.indentArraysWith(indent);
        try (JsonGenerator g = Parsers.JSON.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("apiVersion", "v1");
            g.writeArrayFieldStart("items");
            long namespaces = Math.min(100, p.services());
            for (long i = 0; i < namespaces; i++) {
                namespace(g, String.format(Locale.ROOT, "ns-%03d", i), i);
            }
            List<SyntheticCluster.Block> blocks = blocks(p);
            long total = p.services() * 2;
            long svcIndex = 0;
            for (SyntheticCluster.Block b : blocks) {
                for (long i = 0; i < b.count(); i++, svcIndex++) {
                    service(g, p, b, svcIndex);
                    if ((svcIndex & 255) == 0) {
                        cancel.check();
                        progress.progress(svcIndex, total, ProgressListener.WRITING, "");
                    }
                }
            }
            svcIndex = 0;
            long epIndex = 0;
            for (SyntheticCluster.Block b : blocks) {
                for (long i = 0; i < b.count(); i++, svcIndex++) {
                    epIndex = slices(g, p, svcIndex, epIndex);
                    if ((svcIndex & 255) == 0) {
                        cancel.check();
                        progress.progress(p.services() + svcIndex, total, ProgressListener.WRITING, "");
                    }
                }
            }
            for (int i = 0; i < p.nodes(); i++) {
                node(g, p, i);
            }
            kubeProxyConfigMap(g, p);
            g.writeEndArray();
            g.writeStringField("kind", "List");
            g.writeObjectFieldStart("metadata");
            g.writeStringField("resourceVersion", "");
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
            progress.progress(total, total, ProgressListener.WRITING, "");
        }
    }

    private static void namespace(JsonGenerator g, String name, long i) throws IOException {
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeStringField("kind", "Namespace");
        g.writeObjectFieldStart("metadata");
        g.writeStringField("creationTimestamp", CREATED);
        g.writeObjectFieldStart("labels");
        g.writeStringField("kubernetes.io/metadata.name", name);
        g.writeEndObject();
        g.writeStringField("name", name);
        g.writeStringField("resourceVersion", Long.toString(100 + i));
        g.writeStringField("uid", uid(1, i));
        g.writeEndObject();
        g.writeObjectFieldStart("spec");
        g.writeArrayFieldStart("finalizers");
        g.writeString("kubernetes");
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("status");
        g.writeStringField("phase", "Active");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String svcName(long i) {
        return String.format(Locale.ROOT, "svc-%06d", i);
    }

    private static String nsName(long svcIndex) {
        return String.format(Locale.ROOT, "ns-%03d", svcIndex % 100);
    }

    private static void service(JsonGenerator g, ScenarioParams p, SyntheticCluster.Block b, long svcIndex) throws IOException {
        String name = svcName(svcIndex);
        String ns = nsName(svcIndex);
        boolean lb = b.type() == ServiceType.LOAD_BALANCER;
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeStringField("kind", "Service");
        g.writeObjectFieldStart("metadata");
        g.writeStringField("creationTimestamp", CREATED);
        g.writeObjectFieldStart("labels");
        g.writeStringField("app.kubernetes.io/name", name);
        g.writeEndObject();
        g.writeStringField("name", name);
        g.writeStringField("namespace", ns);
        g.writeStringField("resourceVersion", Long.toString(1000 + svcIndex));
        g.writeStringField("uid", uid(2, svcIndex));
        g.writeEndObject();
        g.writeObjectFieldStart("spec");
        String clusterIp = ip(96, svcIndex);
        g.writeStringField("clusterIP", clusterIp);
        g.writeArrayFieldStart("clusterIPs");
        g.writeString(clusterIp);
        g.writeEndArray();
        if (b.type().hasNodePorts()) {
            g.writeStringField("externalTrafficPolicy", b.externalPolicy() == TrafficPolicy.LOCAL ? "Local" : "Cluster");
            if (lb && b.externalPolicy() == TrafficPolicy.LOCAL) {
                g.writeNumberField("healthCheckNodePort", 32000);
            }
        }
        g.writeStringField("internalTrafficPolicy", "Cluster");
        g.writeArrayFieldStart("ipFamilies");
        g.writeString("IPv4");
        g.writeEndArray();
        g.writeStringField("ipFamilyPolicy", "SingleStack");
        g.writeArrayFieldStart("ports");
        for (int port = 0; port < p.portsPerService(); port++) {
            g.writeStartObject();
            if (p.portsPerService() > 1) {
                g.writeStringField("name", "p" + port);
            }
            if (b.type().hasNodePorts()) {
                g.writeNumberField("nodePort", 30000 + (int) ((svcIndex * p.portsPerService() + port)
                        % SyntheticCluster.NODE_PORT_RANGE));
            }
            g.writeNumberField("port", 80 + port);
            g.writeStringField("protocol", "TCP");
            g.writeNumberField("targetPort", 8080 + port);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("selector");
        g.writeStringField("app.kubernetes.io/name", name);
        g.writeEndObject();
        g.writeStringField("sessionAffinity", b.affinity() ? "ClientIP" : "None");
        if (b.affinity()) {
            g.writeObjectFieldStart("sessionAffinityConfig");
            g.writeObjectFieldStart("clientIP");
            g.writeNumberField("timeoutSeconds", 10800);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeStringField("type", b.type().apiName());
        g.writeEndObject();
        g.writeObjectFieldStart("status");
        g.writeObjectFieldStart("loadBalancer");
        if (lb) {
            g.writeArrayFieldStart("ingress");
            g.writeStartObject();
            g.writeStringField("ip", ip(203, svcIndex));
            g.writeStringField("ipMode", "VIP");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static long slices(JsonGenerator g, ScenarioParams p, long svcIndex, long epIndex) throws IOException {
        String name = svcName(svcIndex);
        String ns = nsName(svcIndex);
        int e = p.endpointsPerService();
        int sliceNo = 0;
        for (int start = 0; start < e; start += SyntheticCluster.ENDPOINTS_PER_SLICE, sliceNo++) {
            int end = Math.min(e, start + SyntheticCluster.ENDPOINTS_PER_SLICE);
            g.writeStartObject();
            g.writeStringField("addressType", "IPv4");
            g.writeStringField("apiVersion", "discovery.k8s.io/v1");
            g.writeArrayFieldStart("endpoints");
            for (int j = start; j < end; j++, epIndex++) {
                g.writeStartObject();
                g.writeArrayFieldStart("addresses");
                g.writeString(ip(128, epIndex));
                g.writeEndArray();
                g.writeObjectFieldStart("conditions");
                g.writeBooleanField("ready", true);
                g.writeBooleanField("serving", true);
                g.writeBooleanField("terminating", false);
                g.writeEndObject();
                int node = (int) (epIndex % p.nodes());
                g.writeStringField("nodeName", SyntheticCluster.nodeName(node));
                g.writeObjectFieldStart("targetRef");
                g.writeStringField("kind", "Pod");
                g.writeStringField("name", String.format(Locale.ROOT, "%s-5d8f7c9b6-%05d", name, j));
                g.writeStringField("namespace", ns);
                g.writeStringField("uid", uid(4, epIndex));
                g.writeEndObject();
                g.writeStringField("zone", "zone-" + (char) ('a' + node % 3));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("kind", "EndpointSlice");
            g.writeObjectFieldStart("metadata");
            g.writeObjectFieldStart("annotations");
            g.writeStringField("endpoints.kubernetes.io/last-change-trigger-time", CREATED);
            g.writeEndObject();
            g.writeStringField("creationTimestamp", CREATED);
            g.writeStringField("generateName", name + "-");
            g.writeNumberField("generation", 1);
            g.writeObjectFieldStart("labels");
            g.writeStringField("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
            g.writeStringField("kubernetes.io/service-name", name);
            g.writeEndObject();
            g.writeStringField("name", name + "-" + sliceNo);
            g.writeStringField("namespace", ns);
            g.writeArrayFieldStart("ownerReferences");
            g.writeStartObject();
            g.writeStringField("apiVersion", "v1");
            g.writeBooleanField("blockOwnerDeletion", true);
            g.writeBooleanField("controller", true);
            g.writeStringField("kind", "Service");
            g.writeStringField("name", name);
            g.writeStringField("uid", uid(2, svcIndex));
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("resourceVersion", Long.toString(5000 + epIndex));
            g.writeStringField("uid", uid(3, svcIndex * 1000 + sliceNo));
            g.writeEndObject();
            g.writeArrayFieldStart("ports");
            for (int port = 0; port < p.portsPerService(); port++) {
                g.writeStartObject();
                g.writeStringField("name", p.portsPerService() > 1 ? "p" + port : "");
                g.writeNumberField("port", 8080 + port);
                g.writeStringField("protocol", "TCP");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return epIndex;
    }

    private static void node(JsonGenerator g, ScenarioParams p, int i) throws IOException {
        String name = SyntheticCluster.nodeName(i);
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeStringField("kind", "Node");
        g.writeObjectFieldStart("metadata");
        g.writeStringField("creationTimestamp", CREATED);
        g.writeObjectFieldStart("labels");
        g.writeStringField("kubernetes.io/hostname", name);
        g.writeStringField("kubernetes.io/os", "linux");
        g.writeStringField("topology.kubernetes.io/zone", "zone-" + (char) ('a' + i % 3));
        g.writeEndObject();
        g.writeStringField("name", name);
        g.writeStringField("resourceVersion", Long.toString(200 + i));
        g.writeStringField("uid", uid(5, i));
        g.writeEndObject();
        g.writeObjectFieldStart("spec");
        g.writeStringField("podCIDR", "10.128." + (i % 256) + ".0/24");
        g.writeEndObject();
        g.writeObjectFieldStart("status");
        long memKi = (long) (p.coresPerNode() * (4L << 30)) / 1024;
        for (String section : new String[] {"allocatable", "capacity"}) {
            g.writeObjectFieldStart(section);
            g.writeStringField("cpu", formatCores(p.coresPerNode()));
            g.writeStringField("memory", memKi + "Ki");
            g.writeStringField("pods", "110");
            g.writeEndObject();
        }
        g.writeObjectFieldStart("nodeInfo");
        g.writeStringField("architecture", "amd64");
        g.writeStringField("containerRuntimeVersion", "containerd://1.7.24");
        g.writeStringField("kernelVersion", p.kernel() + ".0-synthetic");
        g.writeStringField("kubeProxyVersion", "");
        g.writeStringField("kubeletVersion", "v" + p.kubernetesVersion() + ".0");
        g.writeStringField("operatingSystem", "linux");
        g.writeStringField("osImage", "Synthetic Linux");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String formatCores(double cores) {
        return cores == Math.rint(cores) ? Long.toString((long) cores) : Math.round(cores * 1000) + "m";
    }

    private static void kubeProxyConfigMap(JsonGenerator g, ScenarioParams p) throws IOException {
        String conf = "apiVersion: kubeproxy.config.k8s.io/v1alpha1\n"
                + "kind: KubeProxyConfiguration\n"
                + "clusterCIDR: " + (p.localDetector() ? "10.128.0.0/9" : "\"\"") + "\n"
                + "conntrack:\n"
                + "  maxPerCore: " + p.conntrack().maxPerCore() + "\n"
                + "  min: " + p.conntrack().min() + "\n"
                + "  tcpCloseWaitTimeout: " + p.conntrack().tcpCloseWaitTimeoutSeconds() + "s\n"
                + "  tcpEstablishedTimeout: " + p.conntrack().tcpEstablishedTimeoutSeconds() + "s\n"
                + "iptables:\n"
                + "  masqueradeAll: " + p.masqueradeAll() + "\n"
                + "  minSyncPeriod: " + seconds(p.minSyncPeriodSeconds()) + "\n"
                + "  syncPeriod: " + seconds(p.syncPeriodSeconds()) + "\n"
                + "mode: \"\"\n";
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeObjectFieldStart("data");
        g.writeStringField("config.conf", conf);
        g.writeEndObject();
        g.writeStringField("kind", "ConfigMap");
        g.writeObjectFieldStart("metadata");
        g.writeStringField("creationTimestamp", CREATED);
        g.writeObjectFieldStart("labels");
        g.writeStringField("app", "kube-proxy");
        g.writeEndObject();
        g.writeStringField("name", "kube-proxy");
        g.writeStringField("namespace", "kube-system");
        g.writeStringField("resourceVersion", "42");
        g.writeStringField("uid", uid(6, 0));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? (long) s + "s" : Math.round(s * 1000) + "ms";
    }
}
