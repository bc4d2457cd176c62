package dev.kpp.model.plan;

import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.cost.CostEngine;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.cost.ModeCosts;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.CalicoPolicyStructure;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.ModeStructures;
import dev.kpp.model.rules.StructureOptions;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The engine facade: one call predicts every mode for a scenario. Pure and thread-safe. The
 * calibration is injected (the composition root fits it once), so the planner never reaches a
 * static.
 */
public final class Planner {
    /** Share of time in syncs above which a sync loop counts as saturated (docs/model.md, "Warnings"). */
    public static final double SATURATED_SYNC_SHARE = 0.5;
    /** Conntrack utilisation above which a table counts as under pressure (docs/model.md, "Warnings"). */
    public static final double CONNTRACK_PRESSURE_SHARE = 0.75;
    /** Services above which the Kubernetes scalability thresholds no longer vouch for a cluster. */
    public static final long SCALABILITY_SERVICES = 10_000;
    /** Endpoints per Service above which the scalability thresholds no longer vouch for a cluster. */
    public static final double SCALABILITY_ENDPOINTS_PER_SERVICE = 250;

    private final Calibration calibration;

    /** @param calibration the fitted cost models every prediction uses */
    public Planner(Calibration calibration) {
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /** @return the calibration this planner predicts with */
    public Calibration calibration() {
        return calibration;
    }

    /** Sweeps of at least this many points are predicted on all cores (fewer are not worth the hand-off). */
    public static final int PARALLEL_SWEEP_POINTS = 64;

    /** Smallest Service count of the growth sweep. */
    public static final double GROWTH_MIN_SERVICES = 10;
    /** Points per decade of the growth sweep. */
    public static final int GROWTH_POINTS_PER_DECADE = 24;

    /** Predicts what a plan input describes (a synthetic cluster, or an inventory scaled to the inputs). */
    public Prediction predict(PlanInput input) {
        return predict(input.workload(), input.params());
    }

    /**
     * Predicts along one varied input.
     *
     * @param input     the base
     * @param varied    the input to vary
     * @param values    its values
     * @param cancelled checked between points
     * @return the sweep
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public SweepResult sweep(PlanInput input, Sweep.Input varied, List<Double> values, BooleanSupplier cancelled) {
        int n = values.size();
        double[] xs = new double[n];
        Prediction[] points = new Prediction[n];
        IntStream indices = IntStream.range(0, n);
        if (n >= PARALLEL_SWEEP_POINTS) {
            // The points are independent and predict() touches only immutable state: a long sweep (the
            // window's growth chart, a 500-point CLI sweep) is shared among the cores, in order of index.
            indices = indices.parallel();
        }
        // a point that cannot be predicted fails the sweep with its error; with several, the first one's (by
        // index, as a sequential sweep would), whatever order the cores reached them in
        RuntimeException[] errors = new RuntimeException[n];
        AtomicInteger firstError = new AtomicInteger(n);
        indices.forEach(i -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            if (i > firstError.get()) {
                return;
            }
            try {
                PlanInput at = input.with(varied, values.get(i));
                xs[i] = varied.applied(at.params());
                points[i] = predict(at);
            } catch (RuntimeException e) {
                errors[i] = e;
                firstError.accumulateAndGet(i, Math::min);
            }
        });
        if (firstError.get() < n) {
            throw errors[firstError.get()];
        }
        return new SweepResult(varied, xs, Arrays.asList(points));
    }

    /**
     * Plans: the prediction at the inputs, the growth sweep over Services (from
     * {@link #GROWTH_MIN_SERVICES} to {@link #growthMax}) and every crossover against the budgets.
     *
     * @param input     what to plan
     * @param budgets   the user's budgets
     * @param cancelled checked between sweep points
     * @return the plan
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public Plan plan(PlanInput input, Budgets budgets, BooleanSupplier cancelled) {
        Prediction current = predict(input);
        SweepResult growth = sweep(input, Sweep.Input.SERVICES, growthServices(input.params().services()), cancelled);
        List<Crossover> crossovers = new ArrayList<>();
        for (Metric m : MetricCatalog.chartable()) {
            crossovers.addAll(Crossovers.find(growth, m, budgets.limit(m)));
        }
        return new Plan(input, current, growth, budgets, crossovers);
    }

    /** @return the growth sweep's right end: a power of ten at least 100,000 and above twice the count */
    public static double growthMax(long services) {
        double target = Math.max(100_000, services * 2.0);
        return Math.min(ScenarioParams.MAX_SERVICES, Math.pow(10, Math.ceil(Math.log10(target))));
    }

    /** @return the Service counts of the growth sweep */
    public static List<Double> growthServices(long services) {
        double max = growthMax(services);
        int decades = (int) Math.round(Math.log10(max / GROWTH_MIN_SERVICES));
        int n = decades * GROWTH_POINTS_PER_DECADE + 1;
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add((double) Math.round(GROWTH_MIN_SERVICES * Math.pow(10, i / (double) GROWTH_POINTS_PER_DECADE)));
        }
        return out;
    }

    /** Predicts a synthetic cluster described by the scenario. */
    public Prediction predict(ScenarioParams params) {
        return predict(SyntheticCluster.workload(params), params);
    }

    /**
     * Predicts a given workload (e.g. from an imported inventory) under the scenario's settings.
     *
     * @param workload Service ports
     * @param params   settings and traffic
     * @return the prediction
     */
    public Prediction predict(Workload workload, ScenarioParams params) {
        StructureOptions options = options(params);
        List<ModePrediction> modes = new ArrayList<>();
        for (ModeStructure s : ModeStructures.compute(workload, options)) {
            modes.add(new ModePrediction(s.mode(), s,
                    CostEngine.costs(s, workload, params, calibration.costParameters())));
        }
        double calico = CalicoPolicyStructure.rulesPerConnection(params.podsPerNode(), params.policiesPerPod(),
                CalicoPolicyStructure.DEFAULT_PROLOGUE, CalicoPolicyStructure.DEFAULT_RULES_PER_POLICY);
        Estimate[] calicoCosts = CostEngine.addOn(calico, params, calibration.costParameters());
        return new Prediction(params, workload, modes, calico, calicoCosts[0], calicoCosts[1],
                warnings(workload, params, modes));
    }

    /** @return the structure options a scenario implies (version, masquerading, local detector) */
    static StructureOptions options(ScenarioParams params) {
        return new StructureOptions(params.kubernetesVersion(), params.masqueradeAll(), params.localDetector(), 1,
                StructureOptions.DEFAULT_EBPF_LB_MAP_MAX);
    }

    /**
     * The exact structure of one mode for a workload, without costs: no calibration is needed (e.g. to put
     * a rule dump's walked counts beside the model's).
     */
    public static ModeStructure structure(ProxyMode mode, Workload workload, ScenarioParams params) {
        return ModeStructures.compute(workload, options(params)).get(mode.ordinal());
    }

    private static List<PlanWarning> warnings(Workload workload, ScenarioParams params, List<ModePrediction> modes) {
        List<PlanWarning> w = new ArrayList<>();
        long nodePorts = 0;
        for (var g : workload.groups()) {
            if (g.shape().nodePort()) {
                nodePorts += g.count();
            }
        }
        if (nodePorts > SyntheticCluster.NODE_PORT_RANGE) {
            w.add(new PlanWarning(PlanWarning.Code.NODEPORT_RANGE_EXCEEDED, null,
                    params("nodePorts", nodePorts, "range", (long) SyntheticCluster.NODE_PORT_RANGE)));
        }
        ModeStructure ebpf = modes.stream().filter(m -> m.mode() == ProxyMode.EBPF).findFirst().orElseThrow()
                .structure();
        if (ebpf.count("lbMapEntries") > ebpf.count("lbMapMax")) {
            w.add(new PlanWarning(PlanWarning.Code.EBPF_LB_MAP_FULL, ProxyMode.EBPF,
                    params("entries", ebpf.count("lbMapEntries"), "max", ebpf.count("lbMapMax"))));
        }
        long services = workload.servicePorts() / Math.max(1, params.portsPerService());
        if (services > SCALABILITY_SERVICES) {
            w.add(new PlanWarning(PlanWarning.Code.SERVICES_ABOVE_SCALABILITY_THRESHOLD, null,
                    params("services", services, "threshold", SCALABILITY_SERVICES)));
        }
        for (ModePrediction m : modes) {
            ModeCosts c = m.costs();
            if (c.cpuControlPlaneCores() > SATURATED_SYNC_SHARE) {
                w.add(new PlanWarning(PlanWarning.Code.SYNC_LOOP_SATURATED, m.mode(),
                        params("mode", m.mode().id(), "share", c.cpuControlPlaneCores())));
            }
            if (c.conntrack().utilization() > CONNTRACK_PRESSURE_SHARE) {
                w.add(new PlanWarning(PlanWarning.Code.CONNTRACK_PRESSURE, m.mode(),
                        params("mode", m.mode().id(), "utilization", c.conntrack().utilization())));
            }
        }
        if (workload.meanEndpointsPerPort() > SCALABILITY_ENDPOINTS_PER_SERVICE) {
            w.add(new PlanWarning(PlanWarning.Code.ENDPOINTS_ABOVE_SCALABILITY_THRESHOLD, null,
                    params("endpoints", workload.meanEndpointsPerPort(), "threshold",
                            SCALABILITY_ENDPOINTS_PER_SERVICE)));
        }
        // Version and kernel gates: docs/model.md "Availability" (domain facts c.1, c.2).
        String version = params.kubernetesVersion().toString();
        String kernel = params.kernel().toString();
        if (!params.kubernetesVersion().atLeast(1, 29)) {
            w.add(new PlanWarning(PlanWarning.Code.NFTABLES_NOT_IN_VERSION, ProxyMode.NFTABLES,
                    params("version", version)));
        } else if (!params.kubernetesVersion().atLeast(1, 33)) {
            w.add(new PlanWarning(PlanWarning.Code.NFTABLES_PRE_GA, ProxyMode.NFTABLES,
                    params("version", version, "stage", params.kubernetesVersion().atLeast(1, 31) ? "beta" : "alpha")));
        }
        if (!params.kernel().atLeast(5, 13)) {
            w.add(new PlanWarning(PlanWarning.Code.NFTABLES_KERNEL_TOO_OLD, ProxyMode.NFTABLES,
                    params("kernel", kernel, "minimum", "5.13")));
        }
        if (params.kubernetesVersion().atLeast(1, 35)) {
            w.add(new PlanWarning(PlanWarning.Code.IPVS_DEPRECATED, ProxyMode.IPVS, params("version", version)));
        }
        if (!params.kernel().atLeast(5, 4)) {
            w.add(new PlanWarning(PlanWarning.Code.EBPF_KERNEL_TOO_OLD, ProxyMode.EBPF,
                    params("kernel", kernel, "minimum", "5.4")));
        }
        return w;
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
