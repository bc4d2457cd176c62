package dev.kpp.model.calibration;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkDatasetTest {
    private static final String HEADER = "id,source_title,source_url_or_ref,year,mode,metric,unit,services,"
            + "endpoints_total,endpoints_per_service,nodes,conn_rate_per_s,requests_per_conn,kernel_or_version,value,"
            + "value_low,value_high,how_obtained,notes\n";

    @Test
    void embeddedDatasetLoadsEveryRowWithItsSource() {
        BenchmarkDataset d = BenchmarkDataset.embedded();
        assertThat(d.points()).hasSize(269);
        BenchmarkPoint eks = d.byId("NEW-011").orElseThrow();
        assertThat(eks.value()).isEqualTo(991.475);
        assertThat(eks.kernelOrVersion()).startsWith("kernel 6.1.144");
        BenchmarkPoint tig = d.byId("TIG-39").orElseThrow();
        assertThat(tig.value()).isEqualTo(0.36);
        assertThat(tig.services().orElseThrow()).isEqualTo(10_000);
        assertThat(tig.sourceTitle()).contains("Tigera");
        assertThat(tig.sourcePrefix()).isEqualTo("TIG");
        assertThat(d.points()).allSatisfy(p -> assertThat(p.sourceRef()).isNotBlank());
    }

    @Test
    void quotedFieldsWithCommasAndQuotesParse() throws Exception {
        String csv = HEADER + "X-1,\"A, \"\"B\"\"\",ref,2020,iptables,m,ms,10,,,,,,\"k, v\",1.5,1,2,quoted,n\n";
        BenchmarkPoint p = BenchmarkDataset.parse(new StringReader(csv), "t.csv").points().get(0);
        assertThat(p.sourceTitle()).isEqualTo("A, \"B\"");
        assertThat(p.kernelOrVersion()).isEqualTo("k, v");
        assertThat(p.endpointsTotal()).isEmpty();
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    void badNumbersNameFileLineAndColumn() {
        String csv = HEADER + "X-1,t,r,2020,iptables,m,ms,ten,,,,,,k,1,,,quoted,n\n";
        assertThatThrownBy(() -> BenchmarkDataset.parse(new StringReader(csv), "t.csv"))
                .hasMessage("t.csv:2: column 'services' is not a number: 'ten'");
    }

    @Test
    void wrongHeaderIsRejected() {
        assertThatThrownBy(() -> BenchmarkDataset.parse(new StringReader("a,b\n"), "t.csv"))
                .hasMessageContaining("t.csv:1");
    }

    /** What a line-by-line reader hashes: each line as readLine() gives it, then one LF. */
    private static byte[] byLines(String text) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        BufferedReader r = new BufferedReader(new StringReader(text));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            md.update(line.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return md.digest();
    }

    @Test
    void theByteDigestIsTheLineByLineDigestForEveryLineEnding() throws Exception {
        String[] texts = {"", "a", "a\n", "a\r\n", "a\r", "a\n\n", "\n", "\r\n\r\n", "a\rb\nc\r\nd", "a\r\r\nb",
            "id,value\r\n\"quoted\r\nfield\",1\r\n", "\uFEFFid;µs;Ω;日本\n2,3", "trailing\n\r", "  \n\t\n"};
        for (String t : texts) {
            assertThat(BenchmarkDataset.linesDigest(t.getBytes(StandardCharsets.UTF_8)))
                    .as("%s", t.replace("\r", "<CR>").replace("\n", "<LF>")).isEqualTo(byLines(t));
        }
    }

    @Test
    void theEmbeddedDatasetsDigestIsItsLineByLineDigest() throws Exception {
        try (InputStream in = BenchmarkDataset.class.getResourceAsStream(BenchmarkDataset.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.util.HexFormat.of().formatHex(byLines(text))).isEqualTo(BenchmarkDataset.embeddedSha256())
                    .isEqualTo(BenchmarkDataset.embedded().sha256());
        }
    }
}
