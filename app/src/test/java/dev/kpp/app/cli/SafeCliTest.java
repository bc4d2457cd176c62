package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The CLI never destroys a file, reads pipes, asks before huge dumps and escapes names for the terminal. */
class SafeCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private Path dump() {
        Path dump = dir.resolve("cluster.json");
        assertThat(run("generate", "--services", "40", "--endpoints-per-service", "3", "--nodes", "3", "-o",
                dump.toString()).code()).isZero();
        return dump;
    }

    private long temps() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".kpp-tmp")).count();
        }
    }

    @Test
    void outputToDevNullIsRefusedInOneLineAndDevNullStaysADevice() throws Exception {
        Path dump = dump();
        CliTest.Run r = run("import", dump.toString(), "-o", "/dev/null");
        assertThat(r.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err().strip()).isEqualTo("kpp import: cannot write /dev/null: it is a character device, not a "
                + "regular file");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    @Test
    void outputEqualToAnInputIsRefusedBeforeAnythingIsRead() throws Exception {
        Path dump = dump();
        byte[] before = Files.readAllBytes(dump);
        CliTest.Run r = run("import", dump.toString(), "-o", dump.toString());
        assertThat(r.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err()).contains("it is also an input").doesNotContain("Exception").doesNotContain("kpp-tmp");
        assertThat(Files.readAllBytes(dump)).isEqualTo(before);
    }

    @Test
    void anExistingSnapshotKeepsItsPermissionsAndASymlinkStaysALink() throws Exception {
        Path dump = dump();
        Path snap = Files.writeString(dir.resolve("real.kpp.json"), "old");
        Files.setPosixFilePermissions(snap, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(dir.resolve("link.kpp.json"), snap.getFileName());
        assertThat(run("import", dump.toString(), "-o", link.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(snap)).startsWith("{\"format\":\"kpp-snapshot\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snap))).isEqualTo("rw-r--r--");
        assertThat(temps()).isZero();
    }

    @Test
    void aFailedWriteIsOneLineWithoutJavaOrTemporaryNames() throws Exception {
        Path dump = dump();
        Files.writeString(dir.resolve("plain"), "a file, not a directory");
        CliTest.Run r = run("import", dump.toString(), "-o", dir.resolve("plain/out.kpp.json").toString());
        assertThat(r.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err().strip().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("kpp import: cannot write " + dir.resolve("plain/out.kpp.json") + ": its directory")
                .doesNotContain("Exception").doesNotContain(".kpp-tmp"));
    }

    @Test
    void dashReadsStandardInputAndWritesStandardOutput() throws Exception {
        byte[] dump = Files.readAllBytes(dump());
        InputStream saved = System.in;
        CliTest.Run r;
        try {
            System.setIn(new ByteArrayInputStream(dump));
            r = run("import", "-", "-o", "-");
        } finally {
            System.setIn(saved);
        }
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode snap = JSON.readTree(r.out());
        assertThat(snap.path("format").asText()).isEqualTo("kpp-snapshot");
        assertThat(snap.at("/inventory/services")).hasSize(40);
        assertThat(snap.at("/provenance/files/0/path").asText()).isEqualTo("-");
        assertThat(snap.at("/provenance/files/0/bytes").asLong()).isEqualTo(dump.length);
        assertThat(snap.at("/provenance/files/0/sha256").asText()).hasSize(64);
        assertThat(r.err()).contains("wrote the snapshot to standard output");
    }

    @Test
    void aPipeIsReadAsItStreamsLikeProcessSubstitution() throws Exception {
        byte[] dump = Files.readAllBytes(dump());
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mk.waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                for (int i = 0; i < dump.length; i += 4096) {
                    out.write(dump, i, Math.min(4096, dump.length - i));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Path snap = dir.resolve("piped.kpp.json");
        CliTest.Run r = run("import", fifo.toString(), "-o", snap.toString());
        writer.join();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(snap.toFile()).at("/inventory/services")).hasSize(40);
    }

    @Test
    void aHugeDumpIsEstimatedAndWantsForce() throws Exception {
        Path out = dir.resolve("huge.json");
        CliTest.Run r = run("generate", "--services", "1000000", "--endpoints-per-service", "1000", "-o", out.toString());
        assertThat(r.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err().strip()).matches("kpp generate: the dump would be about [0-9.]+ (GB|TB); add --force to write it");
        assertThat(out).doesNotExist();
        assertThat(temps()).isZero();
    }

    @Test
    void theEstimateIsCloseToTheRealSize() throws Exception {
        ScenarioParams p = ScenarioParams.defaults().withServices(200).withEndpointsPerService(150).withNodes(9)
                .withShares(0.2, 0.1);
        Path plain = dir.resolve("e.json");
        Path gz = dir.resolve("e.json.gz");
        assertThat(run("generate", "--services", "200", "--endpoints-per-service", "150", "--nodes", "9",
                "--nodeport-share", "0.2", "--loadbalancer-share", "0.1", "-o", plain.toString()).code()).isZero();
        assertThat(run("generate", "--services", "200", "--endpoints-per-service", "150", "--nodes", "9",
                "--nodeport-share", "0.2", "--loadbalancer-share", "0.1", "-o", gz.toString()).code()).isZero();
        assertThat((double) GenerateCommand.estimate(p, false)).isCloseTo(Files.size(plain), within(
                0.05 * Files.size(plain)));
        assertThat((double) GenerateCommand.estimate(p, true)).isCloseTo(Files.size(gz), within(0.25 * Files.size(gz)));
    }

    @Test
    void namesFromInputsCannotDriveTheTerminal() throws Exception {
        String svc = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"ns\"},"
                + "\"spec\":{\"clusterIP\":\"10.0.0.1\",\"ports\":[{\"port\":80}]}}";
        Path a = Files.writeString(dir.resolve("a.json"), String.format(svc, "web"));
        Path b = Files.writeString(dir.resolve("b.json"), "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":["
                + String.format(svc, "web") + "," + String.format(svc, "evil\\u001b[2J\\u202e\\r\\nkpp: ok") + "]}",
                StandardCharsets.UTF_8);
        CliTest.Run diff = run("diff", a.toString(), b.toString());
        assertThat(diff.code()).isZero();
        assertThat(diff.out()).contains("ns/evil\\x1b[2J\\u202e\\r\\nkpp: ok").doesNotContain("\u001b")
                .doesNotContain("\u202e").doesNotContain("\r");
        CliTest.Run missing = run("inventory", dir.resolve("x\u001b]0;pwned\u0007.json").toString());
        assertThat(missing.err()).contains("x\\x1b]0;pwned\\x07.json").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void belowItsHeapFloorAnImportIsOneLineWithoutAStackTrace() throws Exception {
        Path dump = dir.resolve("big.json");
        assertThat(run("generate", "--services", "1000", "--endpoints-per-service", "5", "-o", dump.toString())
                .code()).isZero();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx4m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.kpp.app.Launcher", "import",
                dump.toString(), "-o", dir.resolve("big.kpp.json").toString()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(err.strip().lines()).as(err).singleElement().satisfies(line -> assertThat(line)
                .startsWith("kpp import: ").containsPattern("out.of.memory").contains("-Xmx"));
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Error:");
        assertThat(dir.resolve("big.kpp.json")).doesNotExist();
        assertThat(temps()).isZero();
    }

    @Test
    void outOfMemoryIsOneLineWithTheHeapAdvice() {
        String line = Cli.outOfMemory(new String[] {"import", "big.json"});
        assertThat(line).startsWith("kpp import: out of memory: ").contains("-Xmx").contains("KPP_JAVA_OPTS")
                .doesNotContain("\n");
    }

    @Test
    void predictNeverWritesOverTheInventoryItReads() throws Exception {
        Path d = dump();
        byte[] before = Files.readAllBytes(d);
        CliTest.Run r = run("predict", "--inventory", d.toString(), "--format", "json", "-o", d.toString());
        assertThat(r.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err()).contains("it is also an input");
        assertThat(Files.readAllBytes(d)).isEqualTo(before);
    }
}
