package dev.kpp.model.scenario;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioFieldTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "services, 12000", "portsPerService, 3", "endpointsPerService, 25", "nodePortShare, 0.05",
        "loadBalancerShare, 0.1", "externalLocalShare, 0.5", "affinityShare, 0.2", "nodes, 300",
        "coresPerNode, 16", "requestsPerSecond, 2500", "requestsPerConnection, 4",
        "endpointChangesPerSecond, 2.5", "syncPeriodSeconds, 60", "minSyncPeriodSeconds, 0.5", "podsPerNode, 80",
        "policiesPerPod, 7"})
    void valueInReadsBackWhatAnOverrideSet(String id, double value) {
        ScenarioField f = ScenarioField.fromId(id);
        ScenarioParams p = ScenarioOverrides.none().with(f, value).applyTo(ScenarioParams.defaults());
        assertThat(f.valueIn(p)).isEqualTo(value);
        assertThat(f.valueIn(ScenarioParams.defaults())).isNotEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"kernel", "kubernetesVersion"})
    void versionsHaveNoNumericValue(String id) {
        assertThat(ScenarioField.fromId(id).valueIn(ScenarioParams.defaults())).isNaN();
    }
}
