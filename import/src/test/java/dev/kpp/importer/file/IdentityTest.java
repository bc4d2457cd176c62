package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.snapshot.Provenance;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.inventory.InventoryDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Objects are identified by kind, namespace and name: nothing read twice is counted twice. */
class IdentityTest {
    @TempDir
    Path dir;

    private static List<ImportProblem> problems(ImportResult r, String code) {
        return r.problems().stream().filter(p -> p.code().equals(code)).toList();
    }

    @Test
    void theSameDumpImportedTwiceIsCountedOnceWithAWarningNamingBothSources() throws IOException {
        Path a = Fixtures.resource("file/cluster.json");
        Path b = Files.copy(a, dir.resolve("again.json"));
        ImportResult once = Fixtures.load(a);
        ImportResult twice = Fixtures.load(a, b);
        assertThat(twice.inventory().services()).hasSameSizeAs(once.inventory().services()).hasSize(10);
        assertThat(twice.inventory().nodes()).hasSize(2);
        assertThat(twice.inventory().endpointSlices()).hasSameSizeAs(once.inventory().endpointSlices());
        assertThat(twice.inventory().namespaces()).isEqualTo(once.inventory().namespaces());
        assertThat(twice.inventory().networkPolicies()).isEqualTo(once.inventory().networkPolicies());
        ImportProblem dup = problems(twice, "duplicate-object").get(0);
        assertThat(dup.source()).isEqualTo(b.toString());
        assertThat(dup.location()).matches("\\d+:\\d+");
        assertThat(dup.detail()).contains("was already read from " + a).contains("counted once");
        assertThat(twice.sources()).extracting(s -> s.objects()).containsExactly(
                once.sources().get(0).objects(), 0L);
    }

    @Test
    void theJsonAndTheYamlOfOneClusterAreOneCluster() {
        ImportResult both = Fixtures.load(Fixtures.resource("file/cluster.json"), Fixtures.resource("file/cluster.yaml"));
        assertThat(both.inventory().services()).hasSize(10);
        assertThat(both.inventory().nodes()).hasSize(2);
        assertThat(both.inventory().endpointSlices()).hasSize(11);
        assertThat(problems(both, "duplicate-object")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.source()).endsWith("cluster.yaml"));
        assertThat(problems(both, "conflicting-object")).isEmpty();
    }

    @Test
    void importingADirectoryIntoItselfThreeTimesDoesNotCompound() throws IOException {
        Path d = Files.createDirectory(dir.resolve("dumps"));
        Files.copy(Fixtures.resource("file/cluster.json"), d.resolve("cluster.json"));
        Path snap = d.resolve("cluster.kpp.json");
        for (int run = 0; run < 3; run++) {
            ImportResult r = Fixtures.load(d);
            assertThat(r.inventory().services()).as("run %d", run).hasSize(10);
            assertThat(r.inventory().nodes()).hasSize(2);
            if (run > 0) {
                ImportProblem skipped = Fixtures.problem(r, "skipped-snapshot");
                assertThat(skipped.source()).isEqualTo(snap.toString());
                assertThat(skipped.severity()).isEqualTo(ImportProblem.Severity.WARNING);
            }
            SnapshotCodec.save(snapshot(r), snap);
        }
        // named explicitly, the snapshot is read, and it is the same cluster as the dump
        ImportResult named = Fixtures.load(snap, d.resolve("cluster.json"));
        assertThat(named.inventory().services()).hasSize(10);
        assertThat(problems(named, "duplicate-object")).isNotEmpty();
    }

    @Test
    void aDiffOfADumpAgainstItselfTwiceShowsNoGrowth() throws IOException {
        Path a = Fixtures.resource("file/cluster.json");
        Path b = Files.copy(a, dir.resolve("copy.json"));
        InventoryDiff d = InventoryDiff.compare(Fixtures.load(a).inventory(), Fixtures.load(a, b).inventory());
        assertThat(d.servicesAfter()).isEqualTo(d.servicesBefore());
        assertThat(d.added()).isEmpty();
    }

    @Test
    void twoObjectsOfOneNameWithDifferentUidsAreAConflictAndTheFirstIsKept() throws IOException {
        String svc = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\","
                + "\"uid\":\"%s\"},\"spec\":{\"clusterIP\":\"%s\",\"ports\":[{\"port\":80}]}}";
        Path jan = Files.writeString(dir.resolve("jan.json"), String.format(svc, "u-1", "10.0.0.1"));
        Path jun = Files.writeString(dir.resolve("jun.json"), String.format(svc, "u-2", "10.0.0.2"));
        ImportResult r = Fixtures.load(jan, jun);
        assertThat(r.inventory().services()).hasSize(1);
        assertThat(r.inventory().services().get(0).clusterIPs()).containsExactly("10.0.0.1");
        ImportProblem p = Fixtures.problem(r, "conflicting-object");
        assertThat(p.source()).isEqualTo(jun.toString());
        assertThat(p.detail()).contains("Service shop/web").contains(jan.toString()).contains("another uid");
    }

    @Test
    void aDuplicateInsideOneFileIsCountedOnce() throws IOException {
        String ns = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}";
        Path f = Files.writeString(dir.resolve("ns.json"), "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":["
                + ns + "," + ns + "]}");
        ImportResult r = Fixtures.load(f);
        assertThat(r.inventory().namespaces()).isEqualTo(1);
        assertThat(Fixtures.problem(r, "duplicate-object").detail()).startsWith("$.items[1] (Namespace a)")
                .contains("earlier in this file (1:");
    }

    @Test
    void endpointSlicesWithoutTheirServiceAreCountedAndReported() throws IOException {
        String slice = "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\",\"addressType\":\"IPv4\","
                + "\"metadata\":{\"name\":\"%s\",\"namespace\":\"shop\"%s},\"endpoints\":[{\"addresses\":[\"10.1.0.1\"]},"
                + "{\"addresses\":[\"10.1.0.2\"]}]}";
        Path f = Files.writeString(dir.resolve("slices.json"), "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":["
                + String.format(slice, "gone-abc", ",\"labels\":{\"kubernetes.io/service-name\":\"gone\"}") + ","
                + String.format(slice, "nolabel-xyz", "") + "]}");
        ImportResult r = Fixtures.load(f);
        assertThat(r.inventory().endpointSlices()).hasSize(2);
        List<ImportProblem> orphans = problems(r, "orphan-endpoint-slice");
        assertThat(orphans).hasSize(2).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo(f.toString());
            assertThat(p.location()).matches("1:\\d+");
        });
        assertThat(orphans.get(0).detail()).contains("EndpointSlice shop/gone-abc").contains("shop/gone is not in the inputs");
        assertThat(orphans.get(1).detail()).contains("no 'kubernetes.io/service-name' label");
        assertThat(Fixtures.problem(r, "orphan-endpoint-slices").detail())
                .isEqualTo("2 EndpointSlice(s) with 4 endpoint(s) belong to no Service in the inputs");
    }

    @Test
    void warningsBeyondTheCapAreSummarisedNotDropped() throws IOException {
        StringBuilder sb = new StringBuilder("{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":[");
        int n = InventoryCollector.MAX_PER_CODE + 7;
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}");
        }
        ImportResult r = Fixtures.load(Files.writeString(dir.resolve("many.json"), sb.append("]}").toString()));
        List<ImportProblem> dups = problems(r, "duplicate-object");
        assertThat(dups).hasSize(InventoryCollector.MAX_PER_CODE + 1);
        assertThat(dups.get(dups.size() - 1).detail()).isEqualTo("... and 6 more 'duplicate-object' warning(s), "
                + "not listed");
    }

    private static Snapshot snapshot(ImportResult r) {
        return new Snapshot(new Provenance("test", r.importedAt(), "", false, false, r.sources()), r.inventory(),
                r.metrics(), r.ruleDumps(), r.skippedKinds());
    }
}
