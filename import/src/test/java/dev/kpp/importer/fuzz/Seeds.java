package dev.kpp.importer.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.Fixtures;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.snapshot.Provenance;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.inventory.ClusterInventory;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Seed corpora for the fuzz targets, taken from the importer's test fixtures at run time (so the
 * seeds follow the fixtures): each whole file, plus small pieces of it (one object, one YAML
 * document, a reduced snapshot), which mutate faster than a 50 KB file. In regression runs every
 * seed is one test invocation; in fuzzing runs they start the corpus.
 */
final class Seeds {
    private Seeds() {
    }

    /** kubectl JSON: the whole List, one List per kind with its first item, each kind's first item alone. */
    static Stream<Arguments> kubectlJson() {
        byte[] whole = fixture("file/cluster.json");
        List<Arguments> out = new ArrayList<>();
        out.add(seed("cluster.json", whole));
        try {
            JsonNode items = Parsers.JSON.readTree(whole).path("items");
            Set<String> kinds = new LinkedHashSet<>();
            for (JsonNode item : items) {
                String kind = item.path("kind").asText();
                if (kinds.add(kind)) {
                    byte[] one = Parsers.JSON.writeValueAsBytes(item);
                    out.add(seed(kind + ".json", one));
                    out.add(seed(kind + "List.json", Parsers.JSON.writeValueAsBytes(Parsers.JSON.createObjectNode()
                            .put("apiVersion", "v1").put("kind", "List")
                            .set("items", Parsers.JSON.createArrayNode().add(item)))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream();
    }

    /** kubectl YAML: the whole multi-document file and the first document of each kind. */
    static Stream<Arguments> kubectlYaml() {
        byte[] whole = fixture("file/cluster.yaml");
        List<Arguments> out = new ArrayList<>();
        out.add(seed("cluster.yaml", whole));
        Set<String> kinds = new LinkedHashSet<>();
        for (String doc : new String(whole, StandardCharsets.UTF_8).split("(?m)^---\\s*$")) {
            String kind = doc.lines().filter(l -> l.startsWith("kind: ")).findFirst().orElse("kind: none").substring(6);
            if (kinds.add(kind)) {
                out.add(seed(kind + ".yaml", doc.strip().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out.stream();
    }

    /** Snapshots written by the snapshot writer: of the whole fixture import and of a small part of it. */
    static Stream<Arguments> snapshots() {
        return Stream.of(seed("full.kpp.json", snapshot(false)), seed("small.kpp.json", snapshot(true)));
    }

    private static byte[] snapshot(boolean small) {
        ImportResult r = Fixtures.load(Fixtures.resource("file/cluster.json"),
                Fixtures.resource("metrics/kube-proxy-metrics.txt"), Fixtures.resource("rules/ipvsadm-Ln.txt"));
        Provenance p = new Provenance("fuzz-seed", r.importedAt(), "kind-fuzz", false, false, r.sources());
        ClusterInventory inv = r.inventory();
        if (!small) {
            return write(new Snapshot(p, inv, r.metrics(), r.ruleDumps(), r.skippedKinds()));
        }
        ClusterInventory part = new ClusterInventory(inv.name(), inv.kubernetesVersion(),
                inv.services().subList(0, Math.min(2, inv.services().size())),
                inv.endpointSlices().subList(0, Math.min(2, inv.endpointSlices().size())),
                inv.nodes().subList(0, Math.min(1, inv.nodes().size())), inv.kubeProxy(), inv.networkPolicies(),
                inv.namespaces());
        return write(new Snapshot(p, part, List.of(), r.ruleDumps(), r.skippedKinds()));
    }

    static Stream<Arguments> metrics() {
        return Stream.of(seed("kube-proxy-metrics.txt", fixture("metrics/kube-proxy-metrics.txt")));
    }

    static Stream<Arguments> iptablesSave() {
        return Stream.of(seed("iptables-save-1.28.txt", fixture("rules/iptables-save-1.28.txt")));
    }

    static Stream<Arguments> ipvsadm() {
        return Stream.of(seed("ipvsadm-Ln.txt", fixture("rules/ipvsadm-Ln.txt")));
    }

    static Stream<Arguments> nft() {
        return Stream.of(seed("nft-ruleset.txt", fixture("rules/nft-ruleset.txt")));
    }

    /** Every fixture as a file, plus a gzip-compressed one (a tar bundle is a committed input file). */
    static Stream<Arguments> anyFile() {
        return Stream.of(
                seed("cluster.json", fixture("file/cluster.json")),
                seed("cluster.yaml", fixture("file/cluster.yaml")),
                seed("cluster.yaml.gz", gzip(fixture("file/cluster.yaml"))),
                seed("small.kpp.json", snapshot(true)),
                seed("kube-proxy-metrics.txt", fixture("metrics/kube-proxy-metrics.txt")),
                seed("iptables-save-1.28.txt", fixture("rules/iptables-save-1.28.txt")),
                seed("ipvsadm-Ln.txt", fixture("rules/ipvsadm-Ln.txt")),
                seed("nft-ruleset.txt", fixture("rules/nft-ruleset.txt")));
    }

    private static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }

    private static byte[] fixture(String relative) {
        try {
            return Files.readAllBytes(Fixtures.resource(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(Snapshot s) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SnapshotCodec.write(s, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
