package dev.kpp.importer.cluster;

import dev.kpp.importer.file.DumpGenerator;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.KindProgress;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers: kubeconfig files, generated clusters, settings with short limits, recording listeners. */
final class TestClusters {
    static final String TOKEN = "kpp-test-token-Zq8vN2xL4mK7pR1sT9wY3bC6dF0gH5jA";

    private TestClusters() {
    }

    /** Writes a kubeconfig with one context {@code test} using a token user. */
    static Path kubeconfig(Path dir, String server, String extraCluster) throws IOException {
        return kubeconfig(dir, "config", server, extraCluster, "    token: " + TOKEN + "\n");
    }

    static Path kubeconfig(Path dir, String file, String server, String extraCluster, String userBody)
            throws IOException {
        Path f = dir.resolve(file);
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                current-context: test
                clusters:
                - name: test-cluster
                  cluster:
                    server: %s
                %s
                users:
                - name: test-user
                  user:
                %s
                contexts:
                - name: test
                  context:
                    cluster: test-cluster
                    user: test-user
                    namespace: demo
                """.formatted(server, indent(extraCluster), userBody));
        return f;
    }

    private static String indent(String s) {
        if (s.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String l : s.split("\n")) {
            b.append("    ").append(l).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** Settings with an empty environment, short limits and quick retries. */
    static ClusterSettings fast() {
        return ClusterSettings.defaults().withEnv(Map.of("HOME", "/nonexistent", "PATH", "/usr/bin:/bin"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(1))
                .withRetries(4, 2, Duration.ofMillis(20), Duration.ofMillis(200))
                .withClock(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    }

    static ImportRequest.Cluster request(Path kubeconfig, int pageSize) {
        return new ImportRequest.Cluster(Optional.of("test"), Optional.of(kubeconfig), pageSize, 0, false);
    }

    /** Writes a generated dump and returns its path. */
    static Path dump(Path dir, ScenarioParams p) throws IOException {
        Path f = dir.resolve("dump-" + p.services() + ".json");
        try (OutputStream out = Files.newOutputStream(f)) {
            DumpGenerator.write(p, out, ProgressListener.NONE, Cancellation.NEVER);
        }
        return f;
    }

    /** A server serving a generated dump. */
    static MiniApiServer serve(Path dump) throws IOException {
        MiniApiServer s = MiniApiServer.start();
        try (InputStream in = Files.newInputStream(dump)) {
            s.loadDump(in);
        }
        return s;
    }

    /** Records what a listener is told. */
    static final class Recorder implements ProgressListener {
        final List<KindProgress> kinds = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> keys = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<String, Long> lastCounts = new HashMap<>();
        final List<Thread> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile Runnable onKind = () -> {
        };

        @Override
        public void progress(long workDone, long totalWork, String messageKey, String detail) {
            keys.add(messageKey);
            threads.add(Thread.currentThread());
        }

        @Override
        public void counts(long services, long endpointSlices, long nodes) {
            lastCounts.put("services", services);
            lastCounts.put("endpointSlices", endpointSlices);
            lastCounts.put("nodes", nodes);
        }

        @Override
        public void kind(KindProgress kind) {
            kinds.add(kind);
            threads.add(Thread.currentThread());
            onKind.run();
        }

        List<KindProgress> of(String kind) {
            synchronized (kinds) {
                return kinds.stream().filter(k -> k.kind().equals(kind)).toList();
            }
        }
    }
}
