package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The import commands run in-process through picocli. */
class ImportCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private Path generate() {
        Path dump = dir.resolve("gen.json");
        CliTest.Run g = run("generate", "--services", "300", "--endpoints-per-service", "4", "--nodeport-share", "0.2",
                "--nodes", "6", "-o", dump.toString());
        assertThat(g.code()).isZero();
        assertThat(g.err()).contains("wrote").contains("300 services");
        return dump;
    }

    @Test
    void generateImportInventoryAndDiffRoundTrip() throws Exception {
        Path dump = generate();
        Path snap = dir.resolve("c.kpp.json");
        CliTest.Run imp = run("import", dump.toString(), "-o", snap.toString());
        assertThat(imp.code()).isZero();
        assertThat(Files.readString(snap)).startsWith("{\"format\":\"kpp-snapshot\",\"version\":1,");

        CliTest.Run inv = run("inventory", snap.toString(), "--format", "json");
        assertThat(inv.code()).isZero();
        JsonNode j = JSON.readTree(inv.out());
        assertThat(j.at("/services/proxied").asLong()).isEqualTo(300);
        assertThat(j.at("/services/NodePort").asLong()).isEqualTo(60);
        assertThat(j.at("/endpoints/ready").asLong()).isEqualTo(1_200);
        assertThat(j.at("/nodes/count").asLong()).isEqualTo(6);

        CliTest.Run table = run("inventory", dump.toString());
        assertThat(table.out()).contains("Services").contains("per Service").contains("kube-proxy mode");

        CliTest.Run diff = run("diff", snap.toString(), dump.toString(), "--format", "json");
        assertThat(diff.code()).isZero();
        assertThat(JSON.readTree(diff.out()).at("/services/change").asLong()).isZero();
    }

    @Test
    void redactedImportKeepsCounts() throws Exception {
        Path dump = generate();
        Path snap = dir.resolve("r.kpp.json");
        assertThat(run("import", dump.toString(), "--redact", "-o", snap.toString()).code()).isZero();
        String text = Files.readString(snap);
        assertThat(text).contains("\"redacted\":true").doesNotContain("svc-000001").doesNotContain("node-00000");
        JsonNode j = JSON.readTree(run("inventory", snap.toString(), "-f", "json").out());
        assertThat(j.at("/endpoints/ready").asLong()).isEqualTo(1_200);
    }

    @Test
    void predictWithAnInventoryMatchesTheSyntheticScenarioAndAddsAnInventoryObject() throws Exception {
        Path dump = generate();
        CliTest.Run inv = run("predict", "--inventory", dump.toString(), "--format", "json");
        assertThat(inv.code()).isZero();
        CliTest.Run syn = run("predict", "--services", "300", "--endpoints-per-service", "4", "--nodeport-share", "0.2",
                "--nodes", "6", "--format", "json");
        JsonNode a = JSON.readTree(inv.out());
        JsonNode b = JSON.readTree(syn.out());
        assertThat(a.at("/scenario/source").asText()).isEqualTo("inventory:" + dump);
        assertThat(a.get("modes")).isEqualTo(b.get("modes"));
        assertThat(a.at("/inventory/proxiedServices").asLong()).isEqualTo(300);
        assertThat(a.at("/inventory/sources/0/sha256").asText()).hasSize(64);

        CliTest.Run scaled = run("predict", "--inventory", dump.toString(), "--services", "600", "--format", "json");
        assertThat(JSON.readTree(scaled.out()).at("/workload/servicePorts").asLong()).isEqualTo(600);
    }

    @Test
    void sweepOverAnInventoryScalesItsWorkload() throws Exception {
        Path dump = generate();
        CliTest.Run r = run("sweep", "--inventory", dump.toString(), "--vary", "services", "--from", "300", "--to", "3000",
                "--points", "3");
        assertThat(r.code()).isZero();
        var lines = r.out().lines().toList();
        assertThat(lines).hasSize(1 + 3 * 4);
        // the first point is the inventory itself: it predicts exactly what predict --inventory does
        CliTest.Run csv = run("predict", "--inventory", dump.toString(), "--format", "csv");
        assertThat(lines.get(1)).isEqualTo("300," + csv.out().lines().skip(1).findFirst().orElseThrow());
        assertThat(lines.get(lines.size() - 1)).startsWith("3000,ebpf,");
    }

    @Test
    void flagsThatContradictAnInventoryAreUsageErrors() {
        Path dump = generate();
        CliTest.Run r = run("predict", "--inventory", dump.toString(), "--nodeport-share", "0.5");
        assertThat(r.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err()).contains("--nodeport-share cannot be combined with --inventory");
    }

    @Test
    void badFilesAreReportedWithLocationAndExitCodeOne() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"items\": [ {\"kind\": }");
        CliTest.Run only = run("inventory", bad.toString());
        assertThat(only.code()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(only.err()).contains(bad + ":1:").contains("malformed-json");
        // one line for the file, and the summary does not repeat it
        assertThat(only.err().lines().filter(l -> l.contains("malformed-json")).count()).isEqualTo(1);

        Path dump = generate();
        Path snap = dir.resolve("p.kpp.json");
        CliTest.Run mixed = run("import", bad.toString(), dump.toString(), "-o", snap.toString());
        assertThat(mixed.code()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(mixed.err()).contains("error: " + bad).contains("300 services");
        assertThat(snap).exists();
    }

    @Test
    void inventoryOfAnIptablesSaveDumpShowsTheWalkedCountsBesideTheModel() throws Exception {
        String dump = "src/test/resources/golden/input/iptables-save-1.28.txt";
        String inv = "src/test/resources/golden/input/cluster-1.28.json";
        CliTest.Run table = run("inventory", inv, dump);
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("walked ClusterIP  mean 21.9").contains("model  ClusterIP  mean 21.9")
                .contains("walked NodePort");
        JsonNode j = JSON.readTree(run("inventory", inv, dump, "--format", "json").out());
        JsonNode w = j.get("ruleDumps").get(0).get("perConnection").get("clusterIp");
        assertThat(w.get("walked").asLong()).isEqualTo(8);
        assertThat(w.get("mean").asDouble()).isCloseTo(w.get("model").get("mean").asDouble(),
                org.assertj.core.api.Assertions.within(0.05));
        // without an inventory there is nothing to compare with, and no model line
        CliTest.Run alone = run("inventory", dump);
        assertThat(alone.out()).contains("walked ClusterIP").doesNotContain("model  ClusterIP");
    }
}
