package dev.kpp.model.calibration;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

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
}
