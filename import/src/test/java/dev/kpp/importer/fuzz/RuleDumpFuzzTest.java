package dev.kpp.importer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kpp.importer.rules.IptablesDump;
import dev.kpp.importer.rules.IptablesSaveParser;
import dev.kpp.importer.rules.IpvsadmParser;
import dev.kpp.importer.rules.NftRulesetParser;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the node rule-dump readers: {@code iptables-save}, {@code ipvsadm -Ln} and
 * {@code nft list ruleset}. Seeds: the dumps under {@code rules/}.
 */
@Timeout(10)
class RuleDumpFuzzTest {
    @MethodSource("dev.kpp.importer.fuzz.Seeds#iptablesSave")
    @FuzzTest(maxDuration = "10m")
    void iptablesSave(byte[] input) throws IOException {
        if (!FuzzContract.reachesParser(input)) {
            return;
        }
        IptablesDump dump;
        try {
            dump = IptablesSaveParser.parse(FuzzContract.SOURCE, reader(input), Cancellation.NEVER);
        } catch (ImportException e) {
            FuzzContract.rejected(e);
            return;
        }
        FuzzContract.bounded(dump.summary(), input.length);
        for (String table : dump.tables()) {
            for (String chain : dump.chains(table)) {
                FuzzContract.atMost("rules in " + table + "/" + chain, dump.rules(table, chain).size(), input.length);
            }
        }
    }

    @MethodSource("dev.kpp.importer.fuzz.Seeds#ipvsadm")
    @FuzzTest(maxDuration = "10m")
    void ipvsadm(byte[] input) throws IOException {
        if (!FuzzContract.reachesParser(input)) {
            return;
        }
        try {
            FuzzContract.bounded(IpvsadmParser.parse(FuzzContract.SOURCE, reader(input), Cancellation.NEVER),
                    input.length);
        } catch (ImportException e) {
            FuzzContract.rejected(e);
        }
    }

    @MethodSource("dev.kpp.importer.fuzz.Seeds#nft")
    @FuzzTest(maxDuration = "10m")
    void nft(byte[] input) throws IOException {
        if (!FuzzContract.reachesParser(input)) {
            return;
        }
        try {
            FuzzContract.bounded(NftRulesetParser.parse(FuzzContract.SOURCE, reader(input), Cancellation.NEVER),
                    input.length);
        } catch (ImportException e) {
            FuzzContract.rejected(e);
        }
    }

    private static StringReader reader(byte[] input) {
        return new StringReader(new String(input, StandardCharsets.UTF_8));
    }
}
