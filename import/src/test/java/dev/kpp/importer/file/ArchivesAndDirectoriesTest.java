package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivesAndDirectoriesTest {
    @TempDir
    Path dir;

    @Test
    void gzipIsRecognisedByContentAndHashedAsStored() throws IOException {
        Path gz = dir.resolve("cluster.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Fixtures.resource("file/cluster.json")));
        }
        ImportResult r = Fixtures.load(gz);
        assertThat(r.errors()).isEmpty();
        assertThat(r.inventory().services()).hasSize(10);
        SourceFile s = r.sources().get(0);
        assertThat(s.kind()).isEqualTo("kubectl-json");
        assertThat(s.bytes()).isEqualTo(Files.size(gz));
        assertThat(s.sha256()).hasSize(64);
    }

    @Test
    void tarGzBundlesImportEachMemberAndReportBadOnes() throws IOException {
        Path tgz = dir.resolve("bundle.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            tarEntry(out, "dump/cluster.yaml", Files.readAllBytes(Fixtures.resource("file/cluster.yaml")));
            tarEntry(out, "dump/metrics.txt", Files.readAllBytes(Fixtures.resource("metrics/kube-proxy-metrics.txt")));
            tarEntry(out, "dump/broken.json", "{\"items\": [".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1024]);
        }
        ImportResult r = Fixtures.load(tgz);
        assertThat(r.inventory().services()).hasSize(10);
        assertThat(r.metrics()).hasSize(1);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).source()).isEqualTo(tgz + "!/dump/broken.json");
        assertThat(r.sources()).extracting(SourceFile::kind).containsExactly("tar", "kubectl-yaml", "metrics");
    }

    @Test
    void directoriesAreReadRecursivelyWithKnownExtensionsOnly() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("a/b"));
        Files.copy(Fixtures.resource("file/cluster.json"), sub.resolve("cluster.json"));
        Files.copy(Fixtures.resource("rules/iptables-save-1.28.txt"), dir.resolve("a/node-a.iptables"));
        Files.writeString(dir.resolve("README.md"), "# notes");
        ImportResult r = Fixtures.load(dir);
        assertThat(r.inventory().services()).hasSize(10);
        assertThat(r.ruleDumps()).hasSize(1);
        assertThat(Fixtures.problem(r, "skipped-file").source()).endsWith("README.md");
        assertThat(r.errors()).isEmpty();
    }

    /** Writes one ustar member (what {@code tar} writes). */
    static void tarEntry(OutputStream out, String name, byte[] content) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", content.length));
        put(h, 136, String.format("%011o", 0));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.write(h);
        out.write(content);
        int pad = (512 - content.length % 512) % 512;
        out.write(new byte[pad]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    @Test
    void tarHelperWritesValidHeaders() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tarEntry(bytes, "x.txt", new byte[3]);
        assertThat(TarReader.looksLikeTar(bytes.toByteArray(), bytes.size())).isTrue();
    }
}
