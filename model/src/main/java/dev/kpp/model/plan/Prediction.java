package dev.kpp.model.plan;

import dev.kpp.model.cost.Estimate;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.Workload;

import java.util.List;

/**
 * The result of one prediction: the resolved inputs, the workload they describe, and one entry
 * per mode.
 *
 * @param scenario      the inputs
 * @param workload      the Service ports the prediction is for
 * @param modes         one prediction per mode, in {@link ProxyMode} order
 * @param calicoRulesPerConnection rules a new connection meets in Calico's iptables policy chains (add-on)
 * @param calicoAddedLatencyMs     latency those rules add to a new connection
 * @param calicoCpuCores           data-plane CPU those rules cost per node
 * @param warnings      conditions worth a caveat, as codes with parameters
 */
public record Prediction(ScenarioParams scenario, Workload workload, List<ModePrediction> modes,
                         double calicoRulesPerConnection, Estimate calicoAddedLatencyMs, Estimate calicoCpuCores,
                         List<PlanWarning> warnings) {
    public Prediction {
        modes = List.copyOf(modes);
        warnings = List.copyOf(warnings);
    }

    /** @return the warning codes, in order (duplicates for several modes collapsed) */
    public List<String> warningIds() {
        return warnings.stream().map(w -> w.code().id()).distinct().toList();
    }

    /** @return the prediction of one mode */
    public ModePrediction mode(ProxyMode mode) {
        return modes.stream().filter(m -> m.mode() == mode).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no prediction for " + mode));
    }
}
