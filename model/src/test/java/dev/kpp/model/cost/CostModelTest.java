package dev.kpp.model.cost;

import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.calibration.BenchmarkDataset;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostModelTest {
    private static final Planner PLANNER = new Planner(Calibration.embedded());

    private static ScenarioParams tigera() {
        return Samples.byName("tigera-10k").orElseThrow().params();
    }

    private static ModeCosts costs(ScenarioParams p, ProxyMode mode) {
        return PLANNER.predict(p).mode(mode).costs();
    }

    @Test
    void tigeraIptablesCpuIsWithinTwiceTheMeasuredIncreaseAndInsideItsBand() {
        double measured = BenchmarkDataset.embedded().byId("TIG-39").orElseThrow().value(); // 0.36
        Estimate cpu = costs(tigera(), ProxyMode.IPTABLES).cpuCores();
        assertThat(Math.max(cpu.value() / measured, measured / cpu.value())).isLessThan(2.0);
        assertThat(cpu.low()).isLessThanOrEqualTo(measured);
        assertThat(cpu.high()).isGreaterThanOrEqualTo(measured);
    }

    @Test
    void tigeraIpvsCpuIsWithinFiftyPercentOfTheMeasuredIncrease() {
        double measured = BenchmarkDataset.embedded().byId("TIG-42").orElseThrow().value(); // 0.083
        assertThat(costs(tigera(), ProxyMode.IPVS).cpuCores().value()).isCloseTo(measured, within(0.5 * measured));
    }

    @Test
    void keepAliveOfOneHundredRequestsCutsIptablesDataPlaneCpuOneHundredFold() {
        double keepAlive = BenchmarkDataset.embedded().byId("TIG-45").orElseThrow().requestsPerConn().orElseThrow();
        ModeCosts shortConns = costs(tigera(), ProxyMode.IPTABLES);
        ModeCosts longConns = costs(tigera().withRequestsPerConnection(keepAlive), ProxyMode.IPTABLES);
        assertThat(shortConns.cpuDataPlaneCores() / longConns.cpuDataPlaneCores()).isCloseTo(100.0, within(1.0));
        assertThat(longConns.cpuControlPlaneCores()).isEqualTo(shortConns.cpuControlPlaneCores());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.15", "6.1"})
    void iptablesLatencyCpuAndSyncGrowWithServices(String kernel) {
        ScenarioParams base = ScenarioParams.defaults().withKernel(KernelVersion.parse(kernel))
                .withRequestsPerConnection(1);
        ModeCosts prev = null;
        for (long s : new long[] {10, 100, 1_000, 10_000, 50_000}) {
            ModeCosts c = costs(base.withServices(s), ProxyMode.IPTABLES);
            if (prev != null) {
                assertThat(c.addedLatencyMs().value()).isGreaterThan(prev.addedLatencyMs().value());
                assertThat(c.cpuCores().value()).isGreaterThan(prev.cpuCores().value());
                assertThat(c.syncFullSeconds().value()).isGreaterThan(prev.syncFullSeconds().value());
            }
            prev = c;
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProxyMode.class, names = {"IPVS", "NFTABLES", "EBPF"})
    void perConnectionCostOfIpvsNftablesAndEbpfStaysFlat(ProxyMode mode) {
        ModeCosts small = costs(ScenarioParams.defaults().withServices(10), mode);
        ModeCosts large = costs(ScenarioParams.defaults().withServices(50_000), mode);
        assertThat(large.addedLatencyMs().value()).isEqualTo(small.addedLatencyMs().value());
        assertThat(large.cpuDataPlaneCores()).isEqualTo(small.cpuDataPlaneCores());
    }

    @ParameterizedTest
    @EnumSource(ProxyMode.class)
    void keepAliveNeverIncreasesCost(ProxyMode mode) {
        for (ScenarioParams base : new ScenarioParams[] {tigera(), ScenarioParams.defaults()}) {
            ModeCosts prev = null;
            for (double rpc : new double[] {1, 2, 10, 100, 1_000}) {
                ModeCosts c = costs(base.withRequestsPerConnection(rpc), mode);
                if (prev != null) {
                    assertThat(c.cpuCores().value()).isLessThanOrEqualTo(prev.cpuCores().value());
                    assertThat(c.addedLatencyMs().value()).isLessThanOrEqualTo(prev.addedLatencyMs().value());
                    assertThat(c.conntrack().entries()).isLessThanOrEqualTo(prev.conntrack().entries());
                }
                prev = c;
            }
        }
    }

    @Test
    void everyBandContainsItsValueAcrossSamplesAndSweeps() {
        for (var sample : Samples.all()) {
            for (long s : new long[] {1, 100, 10_000, 200_000}) {
                Prediction p = PLANNER.predict(sample.params().withServices(s));
                for (ModePrediction m : p.modes()) {
                    ModeCosts c = m.costs();
                    for (Estimate e : new Estimate[] {c.syncFullSeconds(), c.syncPartialSeconds(),
                        c.syncColdStartSeconds(), c.cpuCores(), c.addedLatencyMs()}) {
                        assertThat(e.low()).isLessThanOrEqualTo(e.value());
                        assertThat(e.value()).isLessThanOrEqualTo(e.high());
                        assertThat(e.value()).isFinite().isGreaterThanOrEqualTo(0);
                    }
                    assertThat(c.conntrack().entriesLow()).isLessThanOrEqualTo(c.conntrack().entries());
                    assertThat(c.conntrack().entries()).isLessThanOrEqualTo(c.conntrack().entriesHigh());
                    assertThat(c.cpuCores().value()).isCloseTo(c.cpuDataPlaneCores() + c.cpuControlPlaneCores(),
                            within(1e-9));
                }
            }
        }
    }

    @Test
    void partialSyncsMakeChurnCheaperForIptablesFrom127() {
        ScenarioParams churny = ScenarioParams.defaults().withServices(10_000).withEndpointChangesPerSecond(2);
        ModeCosts old = costs(churny.withKubernetesVersion(dev.kpp.model.units.KubeVersion.parse("1.26")),
                ProxyMode.IPTABLES);
        ModeCosts current = costs(churny, ProxyMode.IPTABLES);
        assertThat(current.syncPartialSeconds().value()).isLessThan(old.syncPartialSeconds().value() / 5);
        assertThat(current.cpuControlPlaneCores()).isLessThan(old.cpuControlPlaneCores());
    }

    @Test
    void conntrackMaxFollowsKubeProxysFormula() {
        ScenarioParams p = ScenarioParams.defaults().withCoresPerNode(8);
        ConntrackEstimate ct = costs(p, ProxyMode.IPTABLES).conntrack();
        assertThat(ct.max()).isEqualTo(Math.max(32_768L * 8, 131_072L));
        assertThat(costs(p.withCoresPerNode(2), ProxyMode.IPTABLES).conntrack().max()).isEqualTo(131_072);
        assertThat(ct.utilization()).isCloseTo(ct.entries() / (double) ct.max(), within(1e-3));
    }

    @Test
    void predictionsNameTheBenchmarksThatInformThem() {
        ModeCosts c = costs(tigera(), ProxyMode.IPTABLES);
        assertThat(c.benchmarkIds()).contains("TIG-39", "GH-01", "TIG-06");
        ModeCosts modern = costs(ScenarioParams.defaults(), ProxyMode.NFTABLES);
        assertThat(modern.benchmarkIds()).contains("K8SNFT-08", "GH-08");
    }
}
