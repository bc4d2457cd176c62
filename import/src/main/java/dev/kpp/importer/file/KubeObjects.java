package dev.kpp.importer.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.codec.IpLiterals;
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
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Converts Kubernetes objects (as Jackson trees from {@code kubectl get -o json|yaml}) into
 * inventory records. Only the fields kube-proxy uses are read. Field paths in errors are relative
 * to the object.
 *
 * <p>Nothing is accepted silently: a field kube-proxy needs that is missing or malformed skips the
 * object ({@link ItemException}); a value kube-proxy itself drops (an external IP, a source range or
 * a load-balancer IP that does not parse, an endpoint whose address is not of the slice's family)
 * is dropped with an {@code invalid-value} warning; a node fact the planner uses that is missing or
 * implausible is reported ({@code missing-value}, {@code invalid-value}) and left unknown.
 */
final class KubeObjects {
    /** Label naming the Service of an EndpointSlice. */
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    /** Most CPUs a Linux kernel supports ({@code CONFIG_NR_CPUS} is at most 8192 on x86-64). */
    static final double MAX_CORES = 8192;
    /** Most memory an x86-64 machine can address (52-bit physical addresses: 4 PiB). */
    static final double MAX_MEMORY = Math.pow(2, 52);

    /** Receives warnings about one object: a code, a path relative to the object, and what was wrong. */
    @FunctionalInterface
    interface Warnings {
        /** Ignores warnings. */
        Warnings NONE = (code, path, detail) -> {
        };

        void add(String code, String path, String detail);
    }

    private KubeObjects() {
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static JsonNode obj(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** @return the field when it is an object, null when absent; an error for any other type */
    static JsonNode object(JsonNode n, String field, String path) throws ItemException {
        JsonNode v = obj(n, field);
        if (v != null && !v.isObject()) {
            throw new ItemException(path, "expected an object, found " + describe(v));
        }
        return v;
    }

    /** @return the field when it is an object, null when absent or (with a warning) of another type */
    private static JsonNode optionalObject(JsonNode n, String field, String path, Warnings w) {
        JsonNode v = obj(n, field);
        if (v != null && !v.isObject()) {
            w.add("invalid-value", path, "expected an object, found " + describe(v) + "; ignored");
            return null;
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String field, String path) throws ItemException {
        JsonNode v = obj(n, field);
        if (v != null && !v.isArray()) {
            throw new ItemException(path, "expected a list, found " + describe(v));
        }
        return v;
    }

    static ServiceInfo service(JsonNode n, Function<String, String> intern, Warnings w) throws ItemException {
        JsonNode meta = require(n, "metadata");
        JsonNode spec = object(n, "spec", "spec");
        if (spec == null) {
            throw new ItemException("spec", "Service without a spec");
        }
        String typeText = string(spec, "type", "spec.type");
        ServiceType type = parse("spec.type", () -> ServiceType.fromApi(typeText));
        List<String> clusterIPs = strings(spec, "clusterIPs", "spec.clusterIPs");
        if (clusterIPs.isEmpty() && !string(spec, "clusterIP", "spec.clusterIP").isEmpty()) {
            clusterIPs = List.of(text(spec, "clusterIP"));
        }
        for (int i = 0; i < clusterIPs.size(); i++) {
            String ip = clusterIPs.get(i);
            if (!ip.equals("None") && !ip.isEmpty() && !IpLiterals.isIp(ip)) {
                throw new ItemException(spec.has("clusterIPs") ? "spec.clusterIPs[" + i + "]" : "spec.clusterIP",
                        "'" + ip + "' is not an IP address (expected an IPv4 or IPv6 address, or None)");
            }
        }
        List<ServicePortInfo> ports = new ArrayList<>();
        JsonNode portsNode = array(spec, "ports", "spec.ports");
        if (portsNode != null) {
            for (int i = 0; i < portsNode.size(); i++) {
                String path = "spec.ports[" + i + "]";
                JsonNode p = portsNode.get(i);
                if (!p.isObject()) {
                    throw new ItemException(path, "expected an object, found " + describe(p));
                }
                Protocol protocol = protocol(p, path + ".protocol");
                int port = intField(p, "port", path, 1, 65535, true);
                int nodePort = intField(p, "nodePort", path, 0, 65535, false);
                ports.add(new ServicePortInfo(intern.apply(string(p, "name", path + ".name")), protocol, port,
                        nodePort, text(p, "targetPort")));
            }
        }
        List<String> lbIps = new ArrayList<>();
        JsonNode status = optionalObject(n, "status", "status", w);
        JsonNode lb = optionalObject(status, "loadBalancer", "status.loadBalancer", w);
        JsonNode ingress = obj(lb, "ingress");
        if (ingress != null && !ingress.isArray()) {
            w.add("invalid-value", "status.loadBalancer.ingress", "expected a list, found " + describe(ingress)
                    + "; ignored");
        } else if (ingress != null) {
            for (int i = 0; i < ingress.size(); i++) {
                JsonNode in = ingress.get(i);
                String path = "status.loadBalancer.ingress[" + i + "]";
                if (!in.isObject()) {
                    w.add("invalid-value", path, "expected an object, found " + describe(in) + "; ignored");
                    continue;
                }
                String ip = text(in, "ip");
                // ipMode Proxy: kube-proxy does not capture the LB IP (KEP-1860)
                if (ip.isEmpty() || "Proxy".equals(text(in, "ipMode"))) {
                    continue;
                }
                if (IpLiterals.isIp(ip)) {
                    lbIps.add(ip);
                } else {
                    w.add("invalid-value", path + ".ip", "'" + ip + "' is not an IP address; kube-proxy ignores it");
                }
            }
        }
        TrafficPolicy etp = parse("spec.externalTrafficPolicy",
                () -> TrafficPolicy.fromApi(text(spec, "externalTrafficPolicy")));
        TrafficPolicy itp = parse("spec.internalTrafficPolicy",
                () -> TrafficPolicy.fromApi(text(spec, "internalTrafficPolicy")));
        SessionAffinity affinity = parse("spec.sessionAffinity",
                () -> SessionAffinity.fromApi(text(spec, "sessionAffinity")));
        JsonNode labels = optionalObject(meta, "labels", "metadata.labels", w);
        String proxyName = labels == null ? "" : text(labels, ServiceInfo.SERVICE_PROXY_NAME_LABEL);
        List<String> external = new ArrayList<>();
        List<String> given = strings(spec, "externalIPs", "spec.externalIPs");
        for (int i = 0; i < given.size(); i++) {
            String ip = given.get(i);
            if (IpLiterals.isIp(ip)) {
                external.add(ip);
            } else {
                w.add("invalid-value", "spec.externalIPs[" + i + "]", "'" + ip
                        + "' is not an IP address; kube-proxy ignores it");
            }
        }
        List<String> ranges = new ArrayList<>();
        List<String> givenRanges = strings(spec, "loadBalancerSourceRanges", "spec.loadBalancerSourceRanges");
        for (int i = 0; i < givenRanges.size(); i++) {
            String r = givenRanges.get(i).strip(); // kube-proxy trims: validation once allowed padding
            if (IpLiterals.isCidr(r)) {
                ranges.add(r);
            } else {
                w.add("invalid-value", "spec.loadBalancerSourceRanges[" + i + "]", "'" + givenRanges.get(i)
                        + "' is not a CIDR (expected e.g. 10.0.0.0/8); kube-proxy ignores it");
            }
        }
        return new ServiceInfo(intern.apply(text(meta, "namespace")), text(meta, "name"), type, clusterIPs, ports,
                external, lbIps, etp, itp, affinity, ranges,
                intField(spec, "healthCheckNodePort", "spec", 0, 65535, false), proxyName,
                string(spec, "externalName", "spec.externalName"));
    }

    static EndpointSliceInfo endpointSlice(JsonNode n, Function<String, String> intern, boolean v1beta1,
                                           List<EndpointInfo> streamed, Warnings w) throws ItemException {
        JsonNode meta = require(n, "metadata");
        String familyText = string(n, "addressType", "addressType");
        AddressType family = parse("addressType", () -> AddressType.fromApi(familyText));
        JsonNode labels = optionalObject(meta, "labels", "metadata.labels", w);
        String serviceName = labels == null ? "" : text(labels, SERVICE_NAME_LABEL);
        List<EndpointPortInfo> ports = new ArrayList<>();
        JsonNode portsNode = array(n, "ports", "ports");
        if (portsNode != null) {
            for (int i = 0; i < portsNode.size(); i++) {
                JsonNode p = portsNode.get(i);
                String path = "ports[" + i + "]";
                if (!p.isObject()) {
                    throw new ItemException(path, "expected an object, found " + describe(p));
                }
                Protocol protocol = protocol(p, path + ".protocol");
                ports.add(new EndpointPortInfo(intern.apply(string(p, "name", path + ".name")), protocol,
                        intField(p, "port", path, 0, 65535, false)));
            }
        }
        List<EndpointInfo> endpoints = streamed != null ? streamed : new ArrayList<>();
        JsonNode eps = streamed != null ? null : array(n, "endpoints", "endpoints");
        if (eps != null) {
            for (int i = 0; i < eps.size(); i++) {
                JsonNode e = eps.get(i);
                String path = "endpoints[" + i + "]";
                if (!e.isObject()) {
                    throw new ItemException(path, "expected an object, found " + describe(e));
                }
                List<String> addresses = strings(e, "addresses", path + ".addresses");
                JsonNode cond = object(e, "conditions", path + ".conditions");
                boolean ready = bool(cond, "ready", true);
                boolean serving = bool(cond, "serving", ready);
                boolean terminating = bool(cond, "terminating", false);
                String node = text(e, "nodeName");
                if (node.isEmpty() && v1beta1) {
                    JsonNode topo = object(e, "topology", path + ".topology");
                    node = topo == null ? "" : text(topo, "kubernetes.io/hostname");
                }
                endpoints.add(new EndpointInfo(addresses, intern.apply(node), ready, serving, terminating));
            }
        }
        return new EndpointSliceInfo(intern.apply(text(meta, "namespace")), text(meta, "name"), serviceName, family,
                ports, validEndpoints(endpoints, family, w));
    }

    /**
     * Drops endpoints kube-proxy cannot use: no address, or a first address (the one kube-proxy
     * programs) that is not an address of the slice's family.
     */
    private static List<EndpointInfo> validEndpoints(List<EndpointInfo> endpoints, AddressType family, Warnings w) {
        List<EndpointInfo> kept = null;
        for (int i = 0; i < endpoints.size(); i++) {
            EndpointInfo e = endpoints.get(i);
            String problem = null;
            if (e.addresses().isEmpty()) {
                problem = "endpoints[" + i + "].addresses: empty; kube-proxy skips the endpoint";
            } else if (family != AddressType.FQDN) {
                String a = e.addresses().get(0);
                boolean ok = family == AddressType.IPV4 ? IpLiterals.isIpv4(a) : IpLiterals.isIpv6(a);
                if (!ok) {
                    problem = "endpoints[" + i + "].addresses[0]: '" + a + "' is not an "
                            + (family == AddressType.IPV4 ? "IPv4" : "IPv6") + " address; endpoint skipped";
                }
            }
            if (problem != null) {
                if (kept == null) {
                    kept = new ArrayList<>(endpoints.subList(0, i));
                }
                int colon = problem.indexOf(": ");
                w.add("invalid-value", problem.substring(0, colon), problem.substring(colon + 2));
            } else if (kept != null) {
                kept.add(e);
            }
        }
        return kept == null ? endpoints : kept;
    }

    /** Legacy Endpoints: one slice per subset and address family. */
    static List<EndpointSliceInfo> legacyEndpoints(JsonNode n, Function<String, String> intern, Warnings w)
            throws ItemException {
        JsonNode meta = require(n, "metadata");
        String ns = intern.apply(text(meta, "namespace"));
        String name = text(meta, "name");
        List<EndpointSliceInfo> out = new ArrayList<>();
        JsonNode subsets = array(n, "subsets", "subsets");
        if (subsets == null) {
            return out;
        }
        for (int s = 0; s < subsets.size(); s++) {
            JsonNode subset = subsets.get(s);
            String path = "subsets[" + s + "]";
            if (!subset.isObject()) {
                throw new ItemException(path, "expected an object, found " + describe(subset));
            }
            List<EndpointPortInfo> ports = new ArrayList<>();
            JsonNode portsNode = array(subset, "ports", path + ".ports");
            if (portsNode != null) {
                for (int i = 0; i < portsNode.size(); i++) {
                    JsonNode p = portsNode.get(i);
                    String pp = path + ".ports[" + i + "]";
                    if (!p.isObject()) {
                        throw new ItemException(pp, "expected an object, found " + describe(p));
                    }
                    ports.add(new EndpointPortInfo(intern.apply(text(p, "name")), protocol(p, pp + ".protocol"),
                            intField(p, "port", pp, 0, 65535, false)));
                }
            }
            List<EndpointInfo> v4 = new ArrayList<>();
            List<EndpointInfo> v6 = new ArrayList<>();
            addAddresses(array(subset, "addresses", path + ".addresses"), path + ".addresses", true, v4, v6, intern, w);
            addAddresses(array(subset, "notReadyAddresses", path + ".notReadyAddresses"), path + ".notReadyAddresses",
                    false, v4, v6, intern, w);
            if (!v4.isEmpty()) {
                out.add(new EndpointSliceInfo(ns, name + "-legacy-" + s, name, AddressType.IPV4, ports, v4));
            }
            if (!v6.isEmpty()) {
                out.add(new EndpointSliceInfo(ns, name + "-legacy-" + s + "-v6", name, AddressType.IPV6, ports, v6));
            }
        }
        return out;
    }

    private static void addAddresses(JsonNode list, String path, boolean ready, List<EndpointInfo> v4,
                                     List<EndpointInfo> v6, Function<String, String> intern, Warnings w) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            String ip = a.isObject() ? text(a, "ip") : "";
            if (ip.isEmpty() && a.isObject()) {
                continue;
            }
            boolean isV4 = IpLiterals.isIpv4(ip);
            if (!isV4 && !IpLiterals.isIpv6(ip)) {
                w.add("invalid-value", path + "[" + i + "]" + (a.isObject() ? ".ip" : ""), (a.isObject() ? "'" + ip
                        + "' is not an IP address" : "expected an object, found " + describe(a))
                        + "; address skipped");
                continue;
            }
            EndpointInfo e = new EndpointInfo(List.of(ip), intern.apply(text(a, "nodeName")), ready, ready, false);
            (isV4 ? v4 : v6).add(e);
        }
    }

    /**
     * A node. Its capacity and versions are what the planner derives cores, kernel and Kubernetes
     * version from, so a missing or implausible value is reported and left unknown (never guessed).
     */
    static NodeInfo node(JsonNode n, Warnings w) throws ItemException {
        JsonNode meta = require(n, "metadata");
        JsonNode status = optionalObject(n, "status", "status", w);
        JsonNode capacity = optionalObject(status, "capacity", "status.capacity", w);
        JsonNode info = optionalObject(status, "nodeInfo", "status.nodeInfo", w);
        double cores = quantity(capacity, "cpu", "status.capacity.cpu", 0, MAX_CORES, "CPU count", w, true);
        double memory = quantity(capacity, "memory", "status.capacity.memory", 0, MAX_MEMORY, "memory size", w,
                false);
        String kernel = info == null ? "" : text(info, "kernelVersion");
        String kubelet = info == null ? "" : text(info, "kubeletVersion");
        String proxy = info == null ? "" : text(info, "kubeProxyVersion");
        if (kernel.isEmpty()) {
            w.add("missing-value", "status.nodeInfo.kernelVersion", "missing; the node's kernel is unknown");
        } else if (!parses(() -> KernelVersion.parse(kernel))) {
            w.add("invalid-value", "status.nodeInfo.kernelVersion", "'" + kernel
                    + "' is not a kernel version (expected e.g. 6.1.0-18-amd64); the node's kernel is unknown");
        }
        if (kubelet.isEmpty()) {
            w.add("missing-value", "status.nodeInfo.kubeletVersion", "missing; the node's Kubernetes version is "
                    + "unknown");
        } else if (!parses(() -> KubeVersion.parse(kubelet))) {
            w.add("invalid-value", "status.nodeInfo.kubeletVersion", "'" + kubelet
                    + "' is not a Kubernetes version (expected e.g. v1.30.2)");
        }
        return new NodeInfo(text(meta, "name"), cores, (long) memory, kernel, info == null ? "" : text(info, "osImage"),
                proxy, kubelet, pool(obj(meta, "labels")));
    }

    private static double quantity(JsonNode capacity, String field, String path, double min, double max, String what,
                                   Warnings w, boolean required) {
        JsonNode v = obj(capacity, field);
        if (v == null || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                w.add("missing-value", path, "missing; the node's " + what + " is unknown");
            }
            return 0;
        }
        if (!v.isTextual() && !v.isNumber()) {
            w.add("invalid-value", path, "expected a quantity such as 8 or 7910m, found " + describe(v)
                    + "; the node's " + what + " is unknown");
            return 0;
        }
        String text = v.asText();
        double q;
        try {
            q = Quantities.parseQuantity(text);
        } catch (IllegalArgumentException e) {
            w.add("invalid-value", path, e.getMessage() + " (expected e.g. 8, 7910m or 32Gi); the node's " + what
                    + " is unknown");
            return 0;
        }
        if (!Double.isFinite(q) || q <= min || q > max) {
            w.add("invalid-value", path, "'" + text + "' is not a plausible " + what + " (expected more than "
                    + fmt(min) + " and at most " + fmt(max) + "); the node's " + what + " is unknown");
            return 0;
        }
        return q;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static boolean parses(Runnable r) {
        try {
            r.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
            throw new ItemException(field, v == null ? "missing" : "expected an object, found " + describe(v));
        }
        return v;
    }

    /** @return a string field ("" when absent); an error when it is an object, list or other non-scalar */
    private static String string(JsonNode n, String field, String path) throws ItemException {
        JsonNode v = obj(n, field);
        if (v == null) {
            return "";
        }
        if (!v.isValueNode()) {
            throw new ItemException(path, "expected a string, found " + describe(v));
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n, String field, String path) throws ItemException {
        JsonNode v = obj(n, field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new ItemException(path, "expected a list of strings, found " + describe(v));
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            if (!x.isTextual()) {
                throw new ItemException(path + "[" + i + "]", "expected a string, found " + describe(x));
            }
            out.add(x.asText());
        }
        return out;
    }

    private static Protocol protocol(JsonNode p, String path) throws ItemException {
        String s = string(p, "protocol", path);
        return switch (s) {
            case "", "TCP" -> Protocol.TCP;
            case "UDP" -> Protocol.UDP;
            case "SCTP" -> Protocol.SCTP;
            default -> throw new ItemException(path, "'" + s + "' is not TCP, UDP or SCTP");
        };
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
            throw new ItemException(parent + "." + field, "expected an integer, found " + describe(v));
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

    /** @return e.g. {@code the string "oops"}, {@code a list}, {@code the number 1e300} */
    static String describe(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            String t = v.asText();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return "the boolean " + v.asText();
        }
        return v.isArray() ? "a list" : v.isObject() ? "an object" : v.getNodeType().toString().toLowerCase(
                java.util.Locale.ROOT);
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
