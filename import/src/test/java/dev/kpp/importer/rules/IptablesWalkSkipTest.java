package dev.kpp.importer.rules;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.RuleDumpSummary;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

/** A dump kube-proxy could not have written keeps its rule counts; the walk is skipped, never a crash. */
class IptablesWalkSkipTest {
    private static final String HEAD = "*nat\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n"
            + ":KUBE-SVC-A - [0:0]\n:KUBE-SEP-A - [0:0]\n"
            + "-A PREROUTING -j KUBE-SERVICES\n-A OUTPUT -j KUBE-SERVICES\n";

    private static RuleDumpSummary summary(String rules) throws Exception {
        return IptablesSaveParser.parse("d.txt", new StringReader(HEAD + rules + "COMMIT\n"), Cancellation.NEVER)
                .summary();
    }

    @Test
    void aWellFormedDumpIsWalked() throws Exception {
        RuleDumpSummary s = summary("-A KUBE-SERVICES -d 10.0.0.1/32 -p tcp -m comment --comment \"ns/a:http cluster IP\" -m tcp --dport 80 -j KUBE-SVC-A\n"
                + "-A KUBE-SVC-A -j KUBE-SEP-A\n"
                + "-A KUBE-SEP-A -p tcp -m tcp -j DNAT --to-destination 10.1.0.1:8080\n");
        assertThat(s.count("walk/clusterIp/walked")).isEqualTo(1);
        assertThat(s.count("walk/skipped")).isZero();
    }

    @Test
    void chainsThatJumpInALoopKeepTheirCountsAndAreNotWalked() throws Exception {
        RuleDumpSummary s = summary("-A KUBE-SERVICES -d 10.0.0.1/32 -p tcp -m comment --comment \"ns/a:http cluster IP\" -m tcp --dport 80 -j KUBE-SVC-A\n"
                + "-A KUBE-SVC-A -j KUBE-SEP-A\n"
                + "-A KUBE-SEP-A -j KUBE-SVC-A\n");
        assertThat(s.count("nat/rules")).isEqualTo(5);
        assertThat(s.count("walk/skipped")).isEqualTo(1);
        assertThat(s.count("walk/clusterIp/walked")).isZero();
    }

    @Test
    void aProbabilityOutsideZeroToOneOrAnUnreadablePortSkipsTheWalk() throws Exception {
        RuleDumpSummary p = summary("-A KUBE-SERVICES -d 10.0.0.1/32 -p tcp -m comment --comment \"ns/a:http cluster IP\" -m tcp --dport 80 -j KUBE-SVC-A\n"
                + "-A KUBE-SVC-A -m statistic --mode random --probability 7 -j KUBE-SEP-A\n"
                + "-A KUBE-SEP-A -p tcp -m tcp -j DNAT --to-destination 10.1.0.1:8080\n");
        assertThat(p.count("walk/skipped")).isEqualTo(1);
        RuleDumpSummary port = summary("-A KUBE-SERVICES -d 10.0.0.1/32 -p tcp -m comment --comment \"ns/a:http cluster IP\" -m tcp --dport 8o -j KUBE-SVC-A\n");
        assertThat(port.count("walk/skipped")).isEqualTo(1);
        assertThat(port.count("nat/rules")).isEqualTo(3);
    }

    @Test
    void branchesThatMultiplyInsideDeepJumpsStopAtTheRuleBudget() throws Exception {
        // 40 chains, each jumping twice to the next with probability 0.5: 2^40 paths without a budget
        StringBuilder b = new StringBuilder("-A KUBE-SERVICES -d 10.0.0.1/32 -p tcp -m comment --comment \"ns/a:http cluster IP\" -m tcp --dport 80 -j KUBE-SVC-A\n"
                + "-A KUBE-SVC-A -j KUBE-SEP-A\n-A KUBE-SEP-A -j KUBE-X0\n");
        StringBuilder chains = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            chains.append(":KUBE-X").append(i).append(" - [0:0]\n");
            String next = i == 39 ? "RETURN" : "KUBE-X" + (i + 1);
            b.append("-A KUBE-X").append(i).append(" -m statistic --mode random --probability 0.5 -j ").append(next).append('\n');
            b.append("-A KUBE-X").append(i).append(" -j ").append(next).append('\n');
        }
        RuleDumpSummary s = IptablesSaveParser.parse("d.txt", new StringReader(HEAD + chains + b + "COMMIT\n"),
                Cancellation.NEVER).summary();
        assertThat(s.count("walk/skipped")).isEqualTo(1);
        assertThat(s.count("nat/rules")).isEqualTo(5 + 80);
    }
}
