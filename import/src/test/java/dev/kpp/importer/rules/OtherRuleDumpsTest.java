package dev.kpp.importer.rules;

import dev.kpp.importer.spi.RuleDumpSummary;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtherRuleDumpsTest {
    @Test
    void ipvsadmListingCountsVirtualAndRealServers() throws Exception {
        RuleDumpSummary s;
        try (Reader r = Files.newBufferedReader(Fixtures.resource("rules/ipvsadm-Ln.txt"))) {
            s = IpvsadmParser.parse("ipvsadm-Ln.txt", r, Cancellation.NEVER);
        }
        assertThat(s.count("virtualServers")).isEqualTo(8);
        assertThat(s.count("realServers")).isEqualTo(14);
        assertThat(s.count("virtualServers/UDP")).isEqualTo(1);
        assertThat(s.count("virtualServers/ipv6")).isEqualTo(1);
        assertThat(s.count("maxRealServersPerVirtual")).isEqualTo(3);
    }

    @Test
    void nftRulesetCountsKubeProxyChainsRulesAndElements() throws Exception {
        RuleDumpSummary s;
        try (Reader r = Files.newBufferedReader(Fixtures.resource("rules/nft-ruleset.txt"))) {
            s = NftRulesetParser.parse("nft-ruleset.txt", r, Cancellation.NEVER);
        }
        assertThat(s.count("tables")).isEqualTo(2);
        assertThat(s.count("ip/kube-proxy/chains")).isEqualTo(6);
        assertThat(s.count("ip/kube-proxy/sets")).isEqualTo(2);
        assertThat(s.count("ip/kube-proxy/maps")).isEqualTo(3);
        assertThat(s.count("ip/kube-proxy/rules")).isEqualTo(10);
        assertThat(s.count("ip/kube-proxy/elements")).isEqualTo(11);
        assertThat(s.count("ip/kube-proxy/map/service-ips")).isEqualTo(3);
        assertThat(s.count("ip/kube-proxy/set/cluster-ips")).isEqualTo(5);
        assertThat(s.count("rules")).isEqualTo(1); // the other table
    }

    @Test
    void truncatedRuleDumpsNameTheLine() {
        assertThatThrownBy(() -> NftRulesetParser.parse("n.txt", new StringReader("table ip kube-proxy {\n"
                + "  chain services {\n    jump x\n"), Cancellation.NEVER))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("n.txt:1:1: malformed-nft");
        assertThatThrownBy(() -> IptablesSaveParser.parse("i.txt", new StringReader("*nat\n:KUBE-SERVICES - [0:0]\n"
                + "-A KUBE-SERVICES -j X\n"), Cancellation.NEVER))
                .isInstanceOf(ImportException.class).hasMessageContaining("i.txt:1:1").hasMessageContaining("COMMIT");
        assertThatThrownBy(() -> IptablesSaveParser.parse("i.txt", new StringReader("*nat\n-A X -m comment "
                + "--comment \"open\nCOMMIT\n"), Cancellation.NEVER))
                .isInstanceOf(ImportException.class).hasMessageContaining("i.txt:2:1").hasMessageContaining("quote");
        assertThatThrownBy(() -> IpvsadmParser.parse("v.txt", new StringReader("  -> 10.0.0.1:80 Masq 1 0 0\n"),
                Cancellation.NEVER)).isInstanceOf(ImportException.class).hasMessageStartingWith("v.txt:1:1:");
    }
}
