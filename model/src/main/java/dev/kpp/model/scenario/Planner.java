package dev.kpp.model.scenario;

import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.cost.CostEngine;
import dev.kpp.model.cost.ModeCosts;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.CalicoPolicyStructure;
import dev.kpp.model.rules.EbpfStructure;
import dev.kpp.model.rules.IptablesStructure;
import dev.kpp.model.rules.IpvsStructure;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.NftablesStructure;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.Workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine facade: one call predicts every mode for a scenario. Pure and thread-safe.
 */
public final class Planner {
    /** Warning: more NodePorts than the default range 30000-32767 holds. */
    public static final String WARN_NODEPORT_RANGE = "nodeport-range-exceeded";
    /** Warning: Cilium's service map would be full at the default size. */
    public static final String WARN_EBPF_MAP_FULL = "ebpf-lb-map-full";
    /** Warning: more than 10,000 Services, the tested scalability threshold. */
    public static final String WARN_SERVICES_THRESHOLD = "services-above-scalability-threshold";
    /** Warning: more than 250 endpoints per Service, the tested scalability threshold. */
    public static final String WARN_ENDPOINTS_THRESHOLD = "endpoints-above-scalability-threshold";

    /** Warning: a mode's syncs would keep kube-proxy busy more than half of the time. */
    public static final String WARN_SYNC_SATURATED = "sync-loop-saturated";
    /** Warning: conntrack use above 75% of nf_conntrack_max (or Cilium's CT map). */
    public static final String WARN_CONNTRACK = "conntrack-pressure";
    /** Warning: the kube-proxy version has no nftables mode (alpha in 1.29). */
    public static final String WARN_NFTABLES_NOT_IN_VERSION = "nftables-not-in-version";
    /** Warning: nftables mode is alpha (1.29-1.30) or beta (1.31-1.32) in this version. */
    public static final String WARN_NFTABLES_PRE_GA = "nftables-pre-ga";
    /** Warning: the kernel is older than nftables mode's minimum, 5.13. */
    public static final String WARN_NFTABLES_KERNEL = "nftables-kernel-too-old";
    /** Warning: IPVS mode is deprecated from 1.35 (KEP-5495). */
    public static final String WARN_IPVS_DEPRECATED = "ipvs-deprecated";
    /** Warning: the kernel is older than Cilium's minimum, 5.4. */
    public static final String WARN_EBPF_KERNEL = "ebpf-kernel-too-old";

    private Planner() {
    }

    /** Predicts a synthetic cluster described by the scenario. */
    public static Prediction predict(ScenarioParams params) {
        return predict(SyntheticCluster.workload(params), params);
    }

    /**
     * Predicts a given workload (e.g. from an imported inventory) under the scenario's settings.
     *
     * @param workload Service ports
     * @param params   settings and traffic
     * @return the prediction
     */
    public static Prediction predict(Workload workload, ScenarioParams params) {
        return predict(workload, params, Calibration.embedded());
    }

    /**
     * Predicts with a given calibration (e.g. fitted to an edited dataset).
     *
     * @param workload    Service ports
     * @param params      settings and traffic
     * @param calibration fitted cost models
     * @return the prediction
     */
    public static Prediction predict(Workload workload, ScenarioParams params, Calibration calibration) {
        StructureOptions options = new StructureOptions(params.kubernetesVersion(), params.masqueradeAll(),
                params.localDetector(), 1, StructureOptions.DEFAULT_EBPF_LB_MAP_MAX);
        List<ModePrediction> modes = new ArrayList<>();
        for (ModeStructure s : structures(workload, options)) {
            modes.add(new ModePrediction(s.mode(), s, CostEngine.costs(s, params, calibration)));
        }
        double calico = CalicoPolicyStructure.rulesPerConnection(params.podsPerNode(), params.policiesPerPod(),
                CalicoPolicyStructure.DEFAULT_PROLOGUE, CalicoPolicyStructure.DEFAULT_RULES_PER_POLICY);
        var calicoCosts = CostEngine.addOn(calico, params, calibration);
        return new Prediction(params, workload, modes, calico, calicoCosts[0], calicoCosts[1],
                warnings(workload, params, modes));
    }

    /** @return the structure of every mode, in {@link ProxyMode} order */
    public static List<ModeStructure> structures(Workload workload, StructureOptions options) {
        return List.of(IptablesStructure.compute(workload, options), IpvsStructure.compute(workload, options),
                NftablesStructure.compute(workload, options), EbpfStructure.compute(workload, options));
    }

    private static List<String> warnings(Workload workload, ScenarioParams params, List<ModePrediction> modes) {
        List<String> w = new ArrayList<>();
        long nodePorts = 0;
        for (var g : workload.groups()) {
            if (g.shape().nodePort()) {
                nodePorts += g.count();
            }
        }
        if (nodePorts > SyntheticCluster.NODE_PORT_RANGE) {
            w.add(WARN_NODEPORT_RANGE);
        }
        ModeStructure ebpf = modes.stream().filter(m -> m.mode() == ProxyMode.EBPF).findFirst().orElseThrow()
                .structure();
        if (ebpf.count("lbMapEntries") > ebpf.count("lbMapMax")) {
            w.add(WARN_EBPF_MAP_FULL);
        }
        if (workload.servicePorts() / Math.max(1, params.portsPerService()) > 10_000) {
            w.add(WARN_SERVICES_THRESHOLD);
        }
        for (ModePrediction m : modes) {
            ModeCosts c = m.costs();
            if (c.cpuControlPlaneCores() > 0.5 && !w.contains(WARN_SYNC_SATURATED)) {
                w.add(WARN_SYNC_SATURATED);
            }
            if (c.conntrack().utilization() > 0.75 && !w.contains(WARN_CONNTRACK)) {
                w.add(WARN_CONNTRACK);
            }
        }
        if (workload.meanEndpointsPerPort() > 250) {
            w.add(WARN_ENDPOINTS_THRESHOLD);
        }
        // Version and kernel gates: docs/model.md "Availability" (domain facts c.1, c.2).
        if (!params.kubernetesVersion().atLeast(1, 29)) {
            w.add(WARN_NFTABLES_NOT_IN_VERSION);
        } else if (!params.kubernetesVersion().atLeast(1, 33)) {
            w.add(WARN_NFTABLES_PRE_GA);
        }
        if (!params.kernel().atLeast(5, 13)) {
            w.add(WARN_NFTABLES_KERNEL);
        }
        if (params.kubernetesVersion().atLeast(1, 35)) {
            w.add(WARN_IPVS_DEPRECATED);
        }
        if (!params.kernel().atLeast(5, 4)) {
            w.add(WARN_EBPF_KERNEL);
        }
        return w;
    }
}
