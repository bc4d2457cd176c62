package dev.kpp.importer.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal, independent Kubernetes API server for tests and the live-import benchmark: lists with
 * {@code limit}/{@code continue} and {@code remainingItemCount}, single objects, {@code /version},
 * legacy discovery (enough for {@code kubectl get}), a bearer-token check, a request log, and
 * scripted faults that fabric8's mock server cannot produce: a connection dropped in the middle of a
 * body, a body that stalls, a 410 for an expired continue token. Items are kept as pre-serialised
 * JSON without kind and apiVersion, as a real API server lists them. Loopback only.
 */
public final class MiniApiServer implements AutoCloseable {
    /** A recorded request. */
    public record Request(String method, String uri, String authorization) {
    }

    /** What to do instead of answering normally. */
    public sealed interface Fault permits Status, Drop, Stall {
    }

    /** Answer with this status and a Status body. */
    public record Status(int code, String message, Map<String, String> headers) implements Fault {
    }

    /** Send this many bytes of the real answer, then close the connection. */
    public record Drop(int afterBytes) implements Fault {
    }

    /** Send this many bytes, then wait (the client must give up). */
    public record Stall(int afterBytes, long millis) implements Fault {
    }

    /** Decides on a fault per request: (uri, number of earlier requests to this path) to a fault or null. */
    public interface FaultPlan {
        Fault fault(String uri, int seen);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private record ListDef(String kind, String apiVersion, List<byte[]> items) {
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, ListDef> lists = new ConcurrentHashMap<>();
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final List<Request> log = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private volatile FaultPlan faults = (uri, n) -> null;
    private volatile String token;
    private final Map<String, Integer> epochs = new ConcurrentHashMap<>();
    private volatile String version = "v1.31.2";

    private MiniApiServer(int port, int threads) throws IOException {
        this(port, threads, null);
    }

    private MiniApiServer(int port, int threads, com.sun.net.httpserver.HttpsConfigurator tls) throws IOException {
        if (tls != null) {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
                    new InetSocketAddress("127.0.0.1", port), 64);
            https.setHttpsConfigurator(tls);
            server = https;
        } else {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        }
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mini-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return a server on a free loopback port */
    public static MiniApiServer start() throws IOException {
        return new MiniApiServer(0, 8);
    }

    /** @return a server speaking TLS as the configurator says (certificates, client authentication) */
    public static MiniApiServer startTls(com.sun.net.httpserver.HttpsConfigurator tls) throws IOException {
        return new MiniApiServer(0, 8, tls);
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:40123} */
    public String url() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    /** Requires {@code Authorization: Bearer <token>} on every request (401 otherwise). */
    public MiniApiServer requireToken(String t) {
        this.token = t;
        return this;
    }

    /** Sets the fault plan. */
    public MiniApiServer faults(FaultPlan plan) {
        this.faults = plan;
        return this;
    }

    /** Invalidates the continue tokens of a list handed out so far (its next continue gets 410). */
    public void expireContinueTokens(String listPath) {
        epochs.merge(listPath, 1, Integer::sum);
    }

    /** @return the requests received */
    public List<Request> requests() {
        return Collections.unmodifiableList(log);
    }

    /** Adds list items (JSON objects; kind and apiVersion are dropped). */
    public void addItem(String listPath, String kind, String apiVersion, JsonNode item) {
        ObjectNode o = item.deepCopy();
        o.remove("kind");
        o.remove("apiVersion");
        try {
            lists.computeIfAbsent(listPath, p -> new ListDef(kind, apiVersion, Collections.synchronizedList(
                    new ArrayList<>()))).items().add(JSON.writeValueAsBytes(o));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares an empty list (so that it answers 200 with no items rather than 404). */
    public void addList(String listPath, String kind, String apiVersion) {
        lists.computeIfAbsent(listPath, p -> new ListDef(kind, apiVersion, Collections.synchronizedList(
                new ArrayList<>())));
    }

    /** Adds a single object served at its own path. */
    public void addObject(String path, JsonNode object) {
        try {
            objects.put(path, JSON.writeValueAsBytes(object));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves plain text at a path (node proxy /metrics). */
    public void addText(String path, String text) {
        texts.put(path, text);
    }

    /** @return the number of items of a list */
    public int size(String listPath) {
        ListDef d = lists.get(listPath);
        return d == null ? 0 : d.items().size();
    }

    /**
     * Loads every object of a kubectl {@code List} dump (as {@code kpp generate} writes) into the
     * lists a real server would serve: Namespaces, Nodes, Services, EndpointSlices, NetworkPolicies,
     * and the kube-system/kube-proxy ConfigMap as a single object.
     */
    public void loadDump(InputStream dump) throws IOException {
        for (String[] k : new String[][] {{"/api/v1/namespaces", "Namespace", "v1"}, {"/api/v1/nodes", "Node", "v1"},
            {"/api/v1/services", "Service", "v1"}, {"/apis/discovery.k8s.io/v1/endpointslices", "EndpointSlice",
                "discovery.k8s.io/v1"}, {"/apis/networking.k8s.io/v1/networkpolicies", "NetworkPolicy",
                "networking.k8s.io/v1"}}) {
            addList(k[0], k[1], k[2]);
        }
        try (JsonParser p = JSON.getFactory().createParser(dump)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("items")
                        && p.getParsingContext().getParent().inRoot()) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode item = JSON.readTree(p);
                        String kind = item.path("kind").asText();
                        String ns = item.path("metadata").path("namespace").asText();
                        String name = item.path("metadata").path("name").asText();
                        switch (kind) {
                            case "Namespace" -> addItem("/api/v1/namespaces", kind, "v1", item);
                            case "Node" -> addItem("/api/v1/nodes", kind, "v1", item);
                            case "Service" -> addItem("/api/v1/services", kind, "v1", item);
                            case "EndpointSlice" -> addItem("/apis/discovery.k8s.io/v1/endpointslices", kind,
                                    "discovery.k8s.io/v1", item);
                            case "NetworkPolicy" -> addItem("/apis/networking.k8s.io/v1/networkpolicies", kind,
                                    "networking.k8s.io/v1", item);
                            case "ConfigMap" -> addObject("/api/v1/namespaces/" + ns + "/configmaps/" + name, item);
                            default -> {
                            }
                        }
                    }
                }
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String uri = ex.getRequestURI().toString();
            String path = ex.getRequestURI().getPath();
            log.add(new Request(ex.getRequestMethod(), uri, ex.getRequestHeaders().getFirst("Authorization")));
            int n = seen.computeIfAbsent(path, k -> new AtomicInteger()).getAndIncrement();
            if (!ex.getRequestMethod().equals("GET")) {
                status(ex, 405, "only GET", Map.of());
                return;
            }
            if (token != null && !("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                status(ex, 401, "Unauthorized", Map.of());
                return;
            }
            Fault f = faults.fault(uri, n);
            if (f instanceof Status s) {
                status(ex, s.code(), s.message(), s.headers());
                return;
            }
            byte[] body = body(path, query(ex.getRequestURI().getRawQuery()));
            if (body == null) {
                status(ex, 404, "the server could not find the requested resource", Map.of());
                return;
            }
            if (body.length == 1 && body[0] == 'G') {
                status(ex, 410, "The provided continue parameter is too old to display a consistent list result. "
                        + "You can start a new list without the continue parameter.", Map.of());
                return;
            }
            boolean text = texts.containsKey(path);
            ex.getResponseHeaders().set("Content-Type", text ? "text/plain; version=0.0.4" : "application/json");
            if (f instanceof Drop || f instanceof Stall) {
                // a fixed length that is never reached: closing the exchange then drops the connection
                ex.sendResponseHeaders(200, body.length);
                OutputStream out = ex.getResponseBody();
                int upTo = f instanceof Drop d ? d.afterBytes() : ((Stall) f).afterBytes();
                out.write(body, 0, Math.min(upTo, body.length - 1));
                out.flush();
                if (f instanceof Stall st) {
                    try {
                        Thread.sleep(st.millis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (IOException e) {
            // the client went away, or a dropped connection was asked for
        }
    }

    private byte[] body(String path, Map<String, String> q) throws IOException {
        if (path.equals("/version")) {
            return ("{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"" + version + "\"}").getBytes(
                    StandardCharsets.UTF_8);
        }
        String d = discovery(path);
        if (d != null) {
            return d.getBytes(StandardCharsets.UTF_8);
        }
        if (texts.containsKey(path)) {
            return texts.get(path).getBytes(StandardCharsets.UTF_8);
        }
        if (objects.containsKey(path)) {
            return objects.get(path);
        }
        ListDef def = lists.get(path);
        if (def == null) {
            return null;
        }
        int epoch = epochs.getOrDefault(path, 0);
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : Integer.MAX_VALUE;
        int offset = 0;
        String cont = q.getOrDefault("continue", "");
        if (!cont.isEmpty()) {
            String[] parts = cont.split(":");
            if (parts.length != 3 || Integer.parseInt(parts[2]) != epoch) {
                return new byte[] {'G'};
            }
            offset = Integer.parseInt(parts[1]);
        }
        List<byte[]> items = def.items();
        int end = (int) Math.min(items.size(), (long) offset + limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, (end - offset) * 512));
        out.write(("{\"kind\":\"" + def.kind() + "List\",\"apiVersion\":\"" + def.apiVersion()
                + "\",\"metadata\":{\"resourceVersion\":\"12345\"").getBytes(StandardCharsets.UTF_8));
        if (end < items.size()) {
            out.write((",\"continue\":\"page:" + end + ":" + epoch + "\",\"remainingItemCount\":"
                    + (items.size() - end)).getBytes(StandardCharsets.UTF_8));
        }
        out.write("},\"items\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = offset; i < end; i++) {
            if (i > offset) {
                out.write(',');
            }
            out.write(items.get(i));
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String discovery(String path) {
        return switch (path) {
            case "/api" -> "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
                    + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}";
            case "/apis" -> "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":["
                    + group("discovery.k8s.io") + "," + group("networking.k8s.io") + "]}";
            case "/api/v1" -> resources("v1", "{\"name\":\"services\",\"singularName\":\"service\",\"namespaced\":true,"
                    + "\"kind\":\"Service\",\"verbs\":[\"get\",\"list\"],\"shortNames\":[\"svc\"]},"
                    + "{\"name\":\"nodes\",\"singularName\":\"node\",\"namespaced\":false,\"kind\":\"Node\","
                    + "\"verbs\":[\"get\",\"list\"],\"shortNames\":[\"no\"]},"
                    + "{\"name\":\"namespaces\",\"singularName\":\"namespace\",\"namespaced\":false,\"kind\":"
                    + "\"Namespace\",\"verbs\":[\"get\",\"list\"],\"shortNames\":[\"ns\"]},"
                    + "{\"name\":\"endpoints\",\"singularName\":\"endpoints\",\"namespaced\":true,\"kind\":\"Endpoints\","
                    + "\"verbs\":[\"get\",\"list\"],\"shortNames\":[\"ep\"]},"
                    + "{\"name\":\"configmaps\",\"singularName\":\"configmap\",\"namespaced\":true,\"kind\":"
                    + "\"ConfigMap\",\"verbs\":[\"get\",\"list\"],\"shortNames\":[\"cm\"]}");
            case "/apis/discovery.k8s.io/v1" -> resources("discovery.k8s.io/v1", "{\"name\":\"endpointslices\","
                    + "\"singularName\":\"endpointslice\",\"namespaced\":true,\"kind\":\"EndpointSlice\","
                    + "\"verbs\":[\"get\",\"list\"]}");
            case "/apis/networking.k8s.io/v1" -> resources("networking.k8s.io/v1", "{\"name\":\"networkpolicies\","
                    + "\"singularName\":\"networkpolicy\",\"namespaced\":true,\"kind\":\"NetworkPolicy\","
                    + "\"verbs\":[\"get\",\"list\"],\"shortNames\":[\"netpol\"]}");
            default -> null;
        };
    }

    private static String group(String name) {
        return "{\"name\":\"" + name + "\",\"versions\":[{\"groupVersion\":\"" + name + "/v1\",\"version\":\"v1\"}],"
                + "\"preferredVersion\":{\"groupVersion\":\"" + name + "/v1\",\"version\":\"v1\"}}";
    }

    private static String resources(String gv, String list) {
        return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + gv + "\",\"resources\":["
                + list + "]}";
    }

    private static void status(HttpExchange ex, int code, String message, Map<String, String> headers)
            throws IOException {
        byte[] b = JSON.writeValueAsBytes(Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
                "message", message, "code", code));
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq >= 0 ? kv.substring(0, eq) : kv, StandardCharsets.UTF_8);
            String v = eq >= 0 ? URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8) : "";
            m.put(k, v);
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /**
     * Runs a server for the benchmark until killed: {@code MiniApiServer PORT DUMP.json}.
     *
     * @param args the port (0 for any) and a kubectl List dump to serve
     */
    public static void main(String[] args) throws IOException {
        MiniApiServer s = new MiniApiServer(Integer.parseInt(args[0]), 8);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(Path.of(args[1])), 1 << 16)) {
            s.loadDump(in);
        }
        System.out.println(s.url());
        System.out.flush();
    }
}
