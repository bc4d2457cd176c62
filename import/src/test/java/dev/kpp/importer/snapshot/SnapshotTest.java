package dev.kpp.importer.snapshot;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.rules.IptablesStructure;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.WorkloadBuilder;
import dev.kpp.model.units.KubeVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotTest {
    @TempDir
    Path dir;

    private Snapshot fixtureSnapshot() {
        ImportResult r = Fixtures.load(Fixtures.resource("file/cluster.json"),
                Fixtures.resource("metrics/kube-proxy-metrics.txt"), Fixtures.resource("rules/iptables-save-1.28.txt"));
        Provenance p = new Provenance("test", r.importedAt(), "", false, false, r.sources());
        return new Snapshot(p, r.inventory(), r.metrics(), r.ruleDumps(), r.skippedKinds());
    }

    @Test
    void savesAtomicallyAndLoadsBackEqual() throws Exception {
        Snapshot s = fixtureSnapshot();
        Path f = dir.resolve("c.kpp.json");
        SnapshotCodec.save(s, f);
        assertThat(Files.readString(f)).startsWith("{\"format\":\"kpp-snapshot\",\"version\":1,");
        try (var dirList = Files.list(dir)) {
            assertThat(dirList).containsExactly(f); // no temporary file left behind
        }
        ImportResult back = Fixtures.load(f);
        assertThat(back.errors()).isEmpty();
        ClusterInventory a = s.inventory();
        ClusterInventory b = back.inventory();
        assertThat(b.services()).isEqualTo(a.services());
        assertThat(b.endpointSlices()).isEqualTo(a.endpointSlices());
        assertThat(b.nodes()).isEqualTo(a.nodes());
        assertThat(b.kubeProxy()).isEqualTo(a.kubeProxy());
        assertThat(b.namespaces()).isEqualTo(a.namespaces());
        assertThat(b.networkPolicies()).isEqualTo(a.networkPolicies());
        assertThat(back.metrics()).isEqualTo(s.metrics());
        assertThat(back.ruleDumps()).isEqualTo(s.ruleDumps());
        assertThat(back.skippedKinds()).isEqualTo(s.skippedKinds());
        assertThat(s.provenance().files()).hasSize(3).allSatisfy(x -> assertThat(x.sha256()).hasSize(64));
    }

    @Test
    void rejectsOtherVersionsAndNonSnapshotsClearly() {
        byte[] newer = "{\"format\":\"kpp-snapshot\",\"version\":2,\"inventory\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(newer), "n.kpp.json", () -> false))
                .isInstanceOf(ImportException.class)
                .hasMessage("n.kpp.json at $.version: unsupported-snapshot-version: snapshot version 2 was written "
                        + "by a newer kpp; this kpp reads version 1");
        byte[] other = "{\"format\":\"something\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(other), "o.json", () -> false))
                .isInstanceOf(ImportException.class).hasMessageContaining("$.format");
    }

    @Test
    void aTruncatedSnapshotIsAnErrorWithItsLocation() throws IOException {
        Path f = dir.resolve("t.kpp.json");
        SnapshotCodec.save(fixtureSnapshot(), f);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 200));
        ImportResult r = Fixtures.load(f);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).code()).isEqualTo("malformed-snapshot");
        assertThat(r.errors().get(0).location()).matches("\\d+:\\d+");
    }

    @Test
    void redactionReplacesNamesAndAddressesButKeepsCountsAndRules() throws Exception {
        Snapshot s = fixtureSnapshot();
        Snapshot red = new Redactor().redact(s);
        ClusterInventory a = s.inventory();
        ClusterInventory b = red.inventory();
        assertThat(red.provenance().redacted()).isTrue();
        assertThat(red.provenance().files()).allSatisfy(f -> assertThat(f.path()).doesNotContain("cluster"));
        String text = new String(toBytes(red), StandardCharsets.UTF_8);
        for (String secret : new String[] {"ns1", "svc4", "node-a", "172.30.0.41", "10.180.0.2", "5.6.7.8",
            "203.0.113.0", "api.example.com", "fd00:30::47"}) {
            // a string starting with the real name (random pseudonyms may share its first letters)
            assertThat(text).doesNotContainPattern(java.util.regex.Pattern.quote("\"" + secret) + "(?![a-z0-9])");
        }
        assertThat(b.services()).hasSameSizeAs(a.services());
        assertThat(b.endpointSlices()).hasSameSizeAs(a.endpointSlices());
        assertThat(InventorySummary.of(b)).usingRecursiveComparison().ignoringFields("kernels", "name",
                "kubeProxy.clusterCidr").isEqualTo(InventorySummary.of(a));
        // a redacted CIDR is still a network address with the same prefix
        assertThat(a.kubeProxy().clusterCidr()).isEqualTo("10.0.0.0/8");
        assertThat(b.kubeProxy().clusterCidr()).endsWith("/8").isNotEqualTo("10.0.0.30/8");
        assertThat(Redactor.network("10.1.173.177", "/9")).isEqualTo("10.0.0.0/9");
        assertThat(Redactor.network("fd00::1:2", "/64")).isEqualTo("fd00::/64");
        assertThat(b.nodes()).extracting(n -> n.kernelVersion() + "/" + n.cores())
                .isEqualTo(a.nodes().stream().map(n -> n.kernelVersion() + "/" + n.cores()).toList());
        // a Service and its slices still match, nodes still match: the rules are the same
        StructureOptions o = StructureOptions.forVersion(KubeVersion.parse("1.28"));
        assertThat(IptablesStructure.compute(WorkloadBuilder.fromInventory(b, null), o))
                .isEqualTo(IptablesStructure.compute(WorkloadBuilder.fromInventory(a, null), o));
        ServiceInfo dual = b.services().stream().filter(x -> x.clusterIPs().size() == 2).findFirst().orElseThrow();
        assertThat(dual.clusterIPs().get(1)).contains(":"); // IP family kept
    }

    @Test
    void aRedactedSnapshotKeepsNoHashOrSizeOfItsInputs() throws Exception {
        Snapshot s = fixtureSnapshot();
        assertThat(s.provenance().files()).allSatisfy(f -> assertThat(f.bytes()).isPositive());
        Snapshot red = new Redactor().redact(s);
        String text = new String(toBytes(red), StandardCharsets.UTF_8);
        for (SourceFile f : s.provenance().files()) {
            assertThat(text).doesNotContain(f.sha256()).doesNotContain("\"bytes\":" + f.bytes());
        }
        assertThat(red.provenance().files()).allSatisfy(f -> {
            assertThat(f.sha256()).isEmpty();
            assertThat(f.bytes()).isZero();
        }).extracting(SourceFile::objects).isEqualTo(s.provenance().files().stream().map(SourceFile::objects)
                .toList());
    }

    @Test
    void pseudonymsAreStableWithinARedactionAndDifferAcrossKeys() {
        Redactor r1 = new Redactor(new byte[32]);
        assertThat(r1.name("ns", "shop")).isEqualTo(r1.name("ns", "shop")).startsWith("ns-").hasSize(13);
        assertThat(r1.name("ns", "shop")).isNotEqualTo(r1.name("ns", "shop2"));
        assertThat(r1.ip("10.1.2.3")).isEqualTo(r1.ip("10.1.2.3")).isNotEqualTo(r1.ip("10.1.2.4"));
        assertThat(r1.ip("None")).isEqualTo("None");
        Redactor r2 = new Redactor(new byte[] {1});
        assertThat(r2.name("ns", "shop")).isNotEqualTo(r1.name("ns", "shop"));
    }

    private static byte[] toBytes(Snapshot s) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SnapshotCodec.write(s, out);
        return out.toByteArray();
    }
}
