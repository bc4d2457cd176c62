package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.OfflineImporter;
import dev.kpp.importer.codec.BoundedLineReader;
import dev.kpp.importer.codec.LineTooLongException;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every parser's time and memory are bounded by limits checked while reading, not after. */
@Timeout(60)
class BoundedParsingTest {
    @TempDir
    Path dir;

    /** An endless line: a parser that buffered whole lines would never return. */
    private static Reader endless(String start) {
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                for (int i = 0; i < len; i++) {
                    cbuf[off + i] = pos < start.length() ? start.charAt(pos) : 'a';
                    pos++;
                }
                return len;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aLineReaderFailsOnceTheLimitIsPassedWithoutReadingTheRest() {
        BoundedLineReader r = new BoundedLineReader(endless("ok\n"), 1000);
        assertThatThrownBy(() -> {
            assertThat(r.readLine()).isEqualTo("ok");
            r.readLine();
        }).isInstanceOfSatisfying(LineTooLongException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.limit()).isEqualTo(1000);
        });
    }

    @Test
    void aLineReaderSplitsLinesLikeBufferedReader() throws IOException {
        BoundedLineReader r = new BoundedLineReader(new java.io.StringReader("a\r\nb\rc\n\nd"), 10);
        assertThat(Arrays.asList(r.readLine(), r.readLine(), r.readLine(), r.readLine(), r.readLine(), r.readLine()))
                .containsExactly("a", "b", "c", "", "d", null);
        assertThat(r.lineNo()).isEqualTo(5);
    }

    @Test
    void everyLineBasedParserStopsAtTheLineLimitOnEndlessInput() {
        for (String head : List.of("*nat\n:PREROUTING ACCEPT [0:0]\n-A ", "table ip kube-proxy {\n", 
                "IP Virtual Server version 1.2.1 (size=4096)\nTCP ", "# TYPE kubeproxy_x gauge\nkubeproxy_x{a=\"")) {
            assertThatThrownBy(() -> {
                if (head.startsWith("*nat")) {
                    dev.kpp.importer.rules.IptablesSaveParser.parse("f", endless(head), Cancellation.NEVER);
                } else if (head.startsWith("table")) {
                    dev.kpp.importer.rules.NftRulesetParser.parse("f", endless(head), Cancellation.NEVER);
                } else if (head.startsWith("IP")) {
                    dev.kpp.importer.rules.IpvsadmParser.parse("f", endless(head), Cancellation.NEVER);
                } else {
                    dev.kpp.importer.metrics.PrometheusTextParser.parse("f", endless(head), Cancellation.NEVER);
                }
            }).as(head).isInstanceOf(LineTooLongException.class);
        }
    }

    @Test
    void aGzippedHugeLineInARuleDumpIsOneErrorAndTheGoodFilesStillImport() throws IOException {
        Path bomb = dir.resolve("node.iptables.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write("*nat\n-A KUBE-SERVICES ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 64; i++) {
                out.write(chunk); // a 64 MB line
            }
            out.write("\nCOMMIT\n".getBytes(StandardCharsets.US_ASCII));
        }
        ImportResult r = Fixtures.load(bomb, Fixtures.resource("file/cluster.json"));
        ImportProblem p = Fixtures.problem(r, "limit-exceeded");
        assertThat(p.source()).isEqualTo(bomb.toString());
        assertThat(p.location()).isEqualTo("2:1");
        assertThat(p.detail()).contains("line 2 is longer than 1,048,576 characters");
        assertThat(r.inventory().services()).hasSize(10);
    }

    @Test
    void aYamlScalarBelowTheLimitIsReadWhole() throws IOException {
        String big = "x".repeat(4 << 20);
        Path f = Files.writeString(dir.resolve("ok.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"
                + "  namespace: shop\n  annotations:\n    blob: " + big + "\n    quoted: \"" + big + "\"\n"
                + "spec:\n  clusterIP: 10.0.0.1\n  ports:\n  - port: 80\n");
        ImportResult r = Fixtures.load(f);
        assertThat(r.errors()).isEmpty();
        assertThat(r.inventory().services()).hasSize(1);
    }

    @Test
    void aDoubleGzippedExpansionBombStopsAtTheExpansionLimit() throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(inner)) {
            gz.write('[');
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                gz.write(spaces); // 64 MB of white space
            }
            gz.write(']');
        }
        Path f = dir.resolve("bomb.json.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(f))) {
            gz.write(inner.toByteArray());
        }
        assertThat(Files.size(f)).isLessThan(64 << 10);
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "limit-exceeded");
        assertThat(p.source()).isEqualTo(f.toString());
        assertThat(p.detail()).contains("expands more than 1,000 times");
    }

    @Test
    void theTotalLimitRejectsTheFileThatPassesItAndKeepsTheOthers() throws IOException {
        Path a = Fixtures.resource("file/cluster.json");
        Path b = Files.copy(a, dir.resolve("b.json"));
        long size = Files.size(a);
        ImportResult r = new OfflineImporter(Clock.systemUTC(), new ImportLimits(size + size / 2, 1000),
                () -> System.in).importPaths(List.of(a, b), ProgressListener.NONE, Cancellation.NEVER);
        assertThat(r.sources()).hasSize(1);
        ImportProblem p = Fixtures.problem(r, "limit-exceeded");
        assertThat(p.source()).isEqualTo(b.toString());
        assertThat(p.detail()).contains("bytes of input in total").contains("--max-input-bytes");
        assertThat(r.inventory().services()).hasSize(10);
    }
}
