package dev.kpp.importer.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.model.inventory.AddressType;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointPortInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.NodeInfo;
import dev.kpp.model.inventory.Protocol;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.inventory.ServicePortInfo;
import dev.kpp.model.inventory.ServiceType;
import dev.kpp.model.inventory.SessionAffinity;
import dev.kpp.model.inventory.TrafficPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Converts Kubernetes objects (as Jackson trees from {@code kubectl get -o json|yaml}) into
 * inventory records. Only the fields kube-proxy uses are read. Field paths in errors are relative
 * to the object.
 */
final class KubeObjects {
    /** Label naming the Service of an EndpointSlice. */
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private KubeObjects() {
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static JsonNode obj(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v;
    }

    static ServiceInfo service(JsonNode n, Function<String, String> intern) throws ItemException {
        JsonNode meta = require(n, "metadata");
        JsonNode spec = obj(n, "spec");
        if (spec == null) {
            throw new ItemException("spec", "Service without a spec");
        }
        ServiceType type = parse("spec.type", () -> ServiceType.fromApi(text(spec, "type")));
        List<String> clusterIPs = strings(spec, "clusterIPs", "spec");
        if (clusterIPs.isEmpty() && !text(spec, "clusterIP").isEmpty()) {
            clusterIPs = List.of(text(spec, "clusterIP"));
        }
        List<ServicePortInfo> ports = new ArrayList<>();
        JsonNode portsNode = obj(spec, "ports");
        if (portsNode != null) {
            if (!portsNode.isArray()) {
                throw new ItemException("spec.ports", "expected a list");
            }
            for (int i = 0; i < portsNode.size(); i++) {
                JsonNode p = portsNode.get(i);
                String path = "spec.ports[" + i + "]";
                Protocol protocol = parse(path + ".protocol", () -> Protocol.fromApi(text(p, "protocol")));
                int port = intField(p, "port", path, 1, 65535, true);
                int nodePort = intField(p, "nodePort", path, 0, 65535, false);
                ports.add(new ServicePortInfo(intern.apply(text(p, "name")), protocol, port, nodePort,
                        text(p, "targetPort")));
            }
        }
        List<String> lbIps = new ArrayList<>();
        JsonNode ingress = obj(obj(obj(n, "status"), "loadBalancer"), "ingress");
        if (ingress != null && ingress.isArray()) {
            for (JsonNode in : ingress) {
                String ip = text(in, "ip");
                // ipMode Proxy: kube-proxy does not capture the LB IP (KEP-1860)
                if (!ip.isEmpty() && !"Proxy".equals(text(in, "ipMode"))) {
                    lbIps.add(ip);
                }
            }
        }
        TrafficPolicy etp = parse("spec.externalTrafficPolicy",
                () -> TrafficPolicy.fromApi(text(spec, "externalTrafficPolicy")));
        TrafficPolicy itp = parse("spec.internalTrafficPolicy",
                () -> TrafficPolicy.fromApi(text(spec, "internalTrafficPolicy")));
        SessionAffinity affinity = parse("spec.sessionAffinity",
                () -> SessionAffinity.fromApi(text(spec, "sessionAffinity")));
        JsonNode labels = obj(meta, "labels");
        String proxyName = labels == null ? "" : text(labels, ServiceInfo.SERVICE_PROXY_NAME_LABEL);
        return new ServiceInfo(intern.apply(text(meta, "namespace")), text(meta, "name"), type, clusterIPs, ports,
                strings(spec, "externalIPs", "spec"), lbIps, etp, itp, affinity,
                strings(spec, "loadBalancerSourceRanges", "spec"),
                intField(spec, "healthCheckNodePort", "spec", 0, 65535, false), proxyName,
                text(spec, "externalName"));
    }

    static EndpointSliceInfo endpointSlice(JsonNode n, Function<String, String> intern, boolean v1beta1,
                                           List<EndpointInfo> streamed) throws ItemException {
        JsonNode meta = require(n, "metadata");
        AddressType family = parse("addressType", () -> AddressType.fromApi(text(n, "addressType")));
        JsonNode labels = obj(meta, "labels");
        String serviceName = labels == null ? "" : text(labels, SERVICE_NAME_LABEL);
        List<EndpointPortInfo> ports = new ArrayList<>();
        JsonNode portsNode = obj(n, "ports");
        if (portsNode != null && portsNode.isArray()) {
            for (int i = 0; i < portsNode.size(); i++) {
                JsonNode p = portsNode.get(i);
                String path = "ports[" + i + "]";
                Protocol protocol = parse(path + ".protocol", () -> Protocol.fromApi(text(p, "protocol")));
                ports.add(new EndpointPortInfo(intern.apply(text(p, "name")), protocol,
                        intField(p, "port", path, 0, 65535, false)));
            }
        }
        List<EndpointInfo> endpoints = streamed != null ? streamed : new ArrayList<>();
        JsonNode eps = streamed != null ? null : obj(n, "endpoints");
        if (eps != null) {
            if (!eps.isArray()) {
                throw new ItemException("endpoints", "expected a list");
            }
            for (int i = 0; i < eps.size(); i++) {
                JsonNode e = eps.get(i);
                List<String> addresses = strings(e, "addresses", "endpoints[" + i + "]");
                JsonNode cond = obj(e, "conditions");
                boolean ready = bool(cond, "ready", true);
                boolean serving = bool(cond, "serving", ready);
                boolean terminating = bool(cond, "terminating", false);
                String node = text(e, "nodeName");
                if (node.isEmpty() && v1beta1) {
                    JsonNode topo = obj(e, "topology");
                    node = topo == null ? "" : text(topo, "kubernetes.io/hostname");
                }
                endpoints.add(new EndpointInfo(addresses, intern.apply(node), ready, serving, terminating));
            }
        }
        return new EndpointSliceInfo(intern.apply(text(meta, "namespace")), text(meta, "name"), serviceName, family,
                ports, endpoints);
    }

    /** Legacy Endpoints: one slice per subset and address family. */
    static List<EndpointSliceInfo> legacyEndpoints(JsonNode n, Function<String, String> intern) throws ItemException {
        JsonNode meta = require(n, "metadata");
        String ns = intern.apply(text(meta, "namespace"));
        String name = text(meta, "name");
        List<EndpointSliceInfo> out = new ArrayList<>();
        JsonNode subsets = obj(n, "subsets");
        if (subsets == null) {
            return out;
        }
        for (int s = 0; s < subsets.size(); s++) {
            JsonNode subset = subsets.get(s);
            String path = "subsets[" + s + "]";
            List<EndpointPortInfo> ports = new ArrayList<>();
            JsonNode portsNode = obj(subset, "ports");
            if (portsNode != null) {
                for (int i = 0; i < portsNode.size(); i++) {
                    JsonNode p = portsNode.get(i);
                    Protocol protocol = parse(path + ".ports[" + i + "].protocol",
                            () -> Protocol.fromApi(text(p, "protocol")));
                    ports.add(new EndpointPortInfo(intern.apply(text(p, "name")), protocol,
                            intField(p, "port", path + ".ports[" + i + "]", 0, 65535, false)));
                }
            }
            List<EndpointInfo> v4 = new ArrayList<>();
            List<EndpointInfo> v6 = new ArrayList<>();
            addAddresses(obj(subset, "addresses"), true, v4, v6, intern);
            addAddresses(obj(subset, "notReadyAddresses"), false, v4, v6, intern);
            if (!v4.isEmpty()) {
                out.add(new EndpointSliceInfo(ns, name + "-legacy-" + s, name, AddressType.IPV4, ports, v4));
            }
            if (!v6.isEmpty()) {
                out.add(new EndpointSliceInfo(ns, name + "-legacy-" + s + "-v6", name, AddressType.IPV6, ports, v6));
            }
        }
        return out;
    }

    private static void addAddresses(JsonNode list, boolean ready, List<EndpointInfo> v4, List<EndpointInfo> v6,
                                     Function<String, String> intern) {
        if (list == null) {
            return;
        }
        for (JsonNode a : list) {
            String ip = text(a, "ip");
            if (ip.isEmpty()) {
                continue;
            }
            EndpointInfo e = new EndpointInfo(List.of(ip), intern.apply(text(a, "nodeName")), ready, ready, false);
            (ip.contains(":") ? v6 : v4).add(e);
        }
    }

    static NodeInfo node(JsonNode n) throws ItemException {
        JsonNode meta = require(n, "metadata");
        JsonNode status = obj(n, "status");
        JsonNode capacity = obj(status, "capacity");
        JsonNode info = obj(status, "nodeInfo");
        double cores = 0;
        long memory = 0;
        if (capacity != null) {
            String cpu = text(capacity, "cpu");
            String mem = text(capacity, "memory");
            if (!cpu.isEmpty()) {
                cores = parse("status.capacity.cpu", () -> Quantities.parseQuantity(cpu));
            }
            if (!mem.isEmpty()) {
                memory = (long) (double) parse("status.capacity.memory", () -> Quantities.parseQuantity(mem));
            }
        }
        if (cores < 0 || memory < 0) {
            throw new ItemException("status.capacity", "negative capacity");
        }
        return new NodeInfo(text(meta, "name"), cores, memory, info == null ? "" : text(info, "kernelVersion"),
                info == null ? "" : text(info, "osImage"), info == null ? "" : text(info, "kubeProxyVersion"),
                info == null ? "" : text(info, "kubeletVersion"), pool(obj(meta, "labels")));
    }

    /** @return the node's pool from the first well-known pool label it carries, or "" */
    static String pool(JsonNode labels) {
        if (labels == null) {
            return "";
        }
        for (String label : NodeInfo.POOL_LABELS) {
            String v = text(labels, label);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    static JsonNode require(JsonNode n, String field) throws ItemException {
        JsonNode v = obj(n, field);
        if (v == null || !v.isObject()) {
            throw new ItemException(field, "missing or not an object");
        }
        return v;
    }

    private static List<String> strings(JsonNode n, String field, String parent) throws ItemException {
        JsonNode v = obj(n, field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new ItemException(parent + "." + field, "expected a list of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode x : v) {
            out.add(x.asText());
        }
        return out;
    }

    private static boolean bool(JsonNode n, String field, boolean dflt) {
        JsonNode v = obj(n, field);
        return v == null ? dflt : v.asBoolean(dflt);
    }

    private static int intField(JsonNode n, String field, String parent, int min, int max, boolean required)
            throws ItemException {
        JsonNode v = obj(n, field);
        if (v == null) {
            if (required) {
                throw new ItemException(parent + "." + field, "missing");
            }
            return 0;
        }
        int value;
        if (v.isTextual()) {
            value = parseIntText(v.asText(), parent + "." + field);
        } else if (v.isIntegralNumber() && v.canConvertToInt()) {
            value = v.asInt();
        } else {
            throw new ItemException(parent + "." + field, "expected an integer, found " + v);
        }
        if (value < min || value > max) {
            throw new ItemException(parent + "." + field, value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    private static int parseIntText(String s, String path) throws ItemException {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new ItemException(path, "expected an integer, found '" + s + "'");
        }
    }

    private interface Parser<T> {
        T get();
    }

    private static <T> T parse(String path, Parser<T> p) throws ItemException {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw new ItemException(path, e.getMessage());
        }
    }
}
