package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gives a problem that names the file and a location; nothing hangs. */
@Timeout(30)
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        Path f = write("bad.json", "{\n  \"apiVersion\": \"v1\",\n  \"items\": [\n    {\"kind\": \"Service\",}\n  ]\n}\n");
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "malformed-json");
        assertThat(p.severity()).isEqualTo(ImportProblem.Severity.ERROR);
        assertThat(p.source()).isEqualTo(f.toString());
        assertThat(p.location()).isEqualTo("4:24");
        assertThat(p.describe()).startsWith(f + ":4:24: malformed-json: ");
    }

    @Test
    void truncatedJsonIsReportedWithItsLocation() throws IOException {
        String full = Files.readString(Fixtures.resource("file/cluster.json"));
        Path f = write("cut.json", full.substring(0, full.length() / 2));
        ImportResult r = Fixtures.load(f);
        ImportProblem p = r.errors().get(0);
        assertThat(p.code()).isEqualTo("truncated");
        assertThat(p.location()).matches("\\d+:\\d+");
        assertThat(r.inventory().services()).isEmpty(); // a bad file leaves no trace
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws IOException {
        Path f = write("bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [a, b\nspec: {}\n");
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "malformed-yaml");
        assertThat(p.location()).matches("\\d+:\\d+");
        assertThat(p.source()).isEqualTo(f.toString());
    }

    @Test
    void wrongKindsAreSkippedAndCountedAndAFileOfThemIsFlagged() throws IOException {
        Path f = write("pods.json", "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\","
                + "\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}},{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                + "\"metadata\":{\"name\":\"s\"},\"data\":{\"k\":\"c2VjcmV0\"}}]}");
        ImportResult r = Fixtures.load(f);
        assertThat(r.skippedKinds()).containsEntry("Pod", 1L).containsEntry("Secret", 1L);
        assertThat(Fixtures.problem(r, "no-objects").source()).isEqualTo(f.toString());
    }

    @Test
    void somethingThatIsNotAKubernetesObjectIsAnError() throws IOException {
        Path scalar = write("scalar.json", "\"hello\"");
        ImportProblem p = Fixtures.problem(Fixtures.load(scalar), "not-kubernetes");
        assertThat(p.location()).isEqualTo("1:1");
        Path noKind = write("nokind.yaml", "name: x\nvalue: 3\n");
        ImportProblem e = Fixtures.problem(Fixtures.load(noKind), "not-kubernetes");
        assertThat(e.severity()).isEqualTo(ImportProblem.Severity.ERROR);
        assertThat(e.detail()).contains("$: no 'kind' field");
    }

    @Test
    void unknownApiVersionsAreSkippedWithTheItemsPath() throws IOException {
        Path f = write("v2.json", "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":[{\"apiVersion\":\"v1\","
                + "\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}},{\"apiVersion\":\"discovery.k8s.io/v2\","
                + "\"kind\":\"EndpointSlice\",\"addressType\":\"IPv4\",\"metadata\":{\"name\":\"s\",\"namespace\":\"a\"}}]}");
        ImportResult r = Fixtures.load(f);
        ImportProblem p = Fixtures.problem(r, "unknown-api-version");
        assertThat(p.detail()).startsWith("$.items[1] (EndpointSlice a/s)").contains("discovery.k8s.io/v2");
        assertThat(p.location()).matches("1:\\d+");
        assertThat(r.inventory().namespaces()).isEqualTo(1);
    }

    @Test
    void anInvalidFieldSkipsTheObjectWithItsPath() throws IOException {
        Path f = write("port.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
                + "spec:\n  clusterIP: 10.0.0.1\n  ports:\n  - port: 70000\n");
        ImportResult r = Fixtures.load(f);
        ImportProblem p = Fixtures.problem(r, "invalid-object");
        assertThat(p.detail()).contains("Service shop/web").contains("spec.ports[0].port").contains("70000");
        assertThat(p.location()).isEqualTo("1:1");
        assertThat(r.inventory().services()).isEmpty();
    }

    @Test
    void binaryGarbageIsRejectedWithTheOffset() throws IOException {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[0] = 'x';
        junk[1] = 0;
        Path f = Files.write(dir.resolve("junk.json"), junk);
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "binary-file");
        assertThat(p.location()).isEqualTo("byte 1");
    }

    @Test
    void yamlAliasBombDoesNotExpand() throws IOException {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
        }
        Path f = write("bomb.yaml", sb.toString());
        ImportResult r = Fixtures.load(f);
        // aliases are never expanded: the document is read as a small mapping (not a Kubernetes object)
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.problems().get(0).source()).isEqualTo(f.toString());
        assertThat(r.inventory().services()).isEmpty();
    }

    @Test
    void absurdNestingHitsTheDepthLimitInJson() throws IOException {
        Path f = write("deep.json", "[".repeat(100_000) + "]".repeat(100_000));
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "limit-exceeded");
        assertThat(p.location()).matches("1:\\d+");
        assertThat(p.detail()).contains("nesting depth");
    }

    @Test
    void absurdNestingHitsTheDepthLimitInYaml() throws IOException {
        Path f = write("deep.yaml", "[".repeat(20_000) + "]".repeat(20_000));
        ImportResult r = Fixtures.load(f);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).code()).isIn("limit-exceeded", "malformed-yaml");
        assertThat(r.errors().get(0).location()).matches("\\d+:\\d+");
    }

    @Test
    void emptyFilesAreErrors() throws IOException {
        assertThat(Fixtures.problem(Fixtures.load(write("empty.json", "")), "empty-file").source())
                .endsWith("empty.json");
        assertThat(Fixtures.problem(Fixtures.load(write("blank.yaml", "  \n\n")), "empty-file").detail())
                .contains("whitespace");
        assertThat(Fixtures.problem(Fixtures.load(write("docs.yaml", "---\n---\n")), "empty-file").detail())
                .contains("no YAML document");
    }

    @Test
    void truncatedGzipIsAnError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(Fixtures.resource("file/cluster.json")));
        }
        byte[] all = bytes.toByteArray();
        Path f = Files.write(dir.resolve("cut.json.gz"), java.util.Arrays.copyOf(all, all.length / 2));
        ImportResult r = Fixtures.load(f);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).source()).isEqualTo(f.toString());
        assertThat(r.inventory().services()).isEmpty();
    }

    @Test
    void oneBadFileInABatchIsReportedAndTheOthersImport() throws IOException {
        Path bad = write("bad.json", "{\"items\": [");
        Path missing = dir.resolve("missing.json");
        ImportResult r = Fixtures.load(bad, Fixtures.resource("file/cluster.json"), missing);
        assertThat(r.errors()).extracting(ImportProblem::source).containsExactlyInAnyOrder(bad.toString(), missing.toString());
        assertThat(Fixtures.problem(r, "not-found").source()).isEqualTo(missing.toString());
        assertThat(r.inventory().services()).hasSize(10);
        assertThat(r.sources()).hasSize(1);
    }

    @Test
    void invalidUtf8InsideTheFileIsReportedWithItsLocation() throws IOException {
        byte[] head = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"".getBytes(
                StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = '"';
        bytes[head.length + 3] = '}';
        Path f = Files.write(dir.resolve("utf.json"), bytes);
        ImportProblem p = Fixtures.load(f).errors().get(0);
        assertThat(p.code()).isEqualTo("malformed-json");
        assertThat(p.location()).matches("1:\\d+");
    }
}
