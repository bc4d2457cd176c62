package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.report.InventoryFormats;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.InventorySummary;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import dev.kpp.model.plan.InventoryScenario;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.plan.Sweep;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code --inventory PATH...}: predict for an imported cluster (dumps or snapshots alike) instead of
 * a synthetic one. The inventory fixes the Service mix; cluster flags (nodes, cores, kernel,
 * version, sync periods) and traffic flags still apply, {@code --services} and
 * {@code --endpoints-per-service} scale the imported workload.
 */
public final class InventoryOptions {
    private static final Planner PLANNER = new Planner(dev.kpp.model.calibration.Calibration.embedded());

    @Option(names = "--inventory", arity = "1..*", paramLabel = "PATH",
            description = "Predict for imported dumps or snapshots (files or directories) instead of a synthetic "
                    + "cluster.")
    List<Path> paths;

    /** @return true when --inventory was given */
    boolean present() {
        return paths != null && !paths.isEmpty();
    }

    /** A prediction for an imported inventory, with what is needed to print it. */
    record Result(Prediction prediction, String source, ImportResult imported) {
    }

    /** An imported inventory's workload and the scenario derived from it (flags applied). */
    record Base(Workload workload, ScenarioParams params, String source, ImportResult imported) {
        /** @return the prediction for the inventory as imported (and scaled by flags) */
        Prediction predict() {
            return PLANNER.predict(workload, params);
        }

        /**
         * @return the prediction with one input set to {@code v}: Services and endpoints scale the imported
         *         workload, traffic inputs change the scenario
         */
        Prediction vary(Sweep.Input input, double v) {
            return switch (input) {
                case SERVICES -> {
                    if (params.services() == 0) {
                        throw new Cli.UsageException("the inventory has no proxied Services to scale");
                    }
                    yield PLANNER.predict(workload.scaled(v / params.services(), 1), params.withServices(Math.round(v)));
                }
                case ENDPOINTS -> {
                    if (params.endpointsPerService() == 0) {
                        throw new Cli.UsageException("the inventory has no endpoints to scale");
                    }
                    yield PLANNER.predict(workload.scaled(1, v / params.endpointsPerService()),
                            params.withEndpointsPerService((int) Math.round(v)));
                }
                default -> PLANNER.predict(workload, input.apply(params, v));
            };
        }
    }

    /**
     * Imports and predicts.
     *
     * @throws Cli.UsageException for flags that contradict an inventory, or when nothing imports
     */
    Result predict(ScenarioOptions s, PrintWriter err) {
        Base b = resolve(s, err);
        return new Result(b.predict(), b.source(), b.imported());
    }

    /**
     * Imports and derives the scenario.
     *
     * @throws Cli.UsageException for flags that contradict an inventory, or when nothing imports
     */
    Base resolve(ScenarioOptions s, PrintWriter err) {
        List<String> conflicts = new ArrayList<>();
        if (s.sample != null) {
            conflicts.add("--sample");
        }
        if (s.portsPerService != null) {
            conflicts.add("--ports-per-service");
        }
        if (s.nodePortShare != null) {
            conflicts.add("--nodeport-share");
        }
        if (s.loadBalancerShare != null) {
            conflicts.add("--loadbalancer-share");
        }
        if (s.externalLocalShare != null) {
            conflicts.add("--external-local-share");
        }
        if (s.affinityShare != null) {
            conflicts.add("--affinity-share");
        }
        if (!conflicts.isEmpty()) {
            throw new Cli.UsageException(String.join(", ", conflicts) + " cannot be combined with --inventory "
                    + "(the inventory fixes the Service mix)");
        }
        ImportResult r = Imports.run(paths, err);
        ClusterInventory inv = r.inventory();
        Workload workload = WorkloadBuilder.fromInventory(inv, null);
        ScenarioParams p = InventoryScenario.derive(inv, workload, s.resolve());
        if (s.services != null || s.endpointsPerService != null) {
            double sf = 1;
            double ef = 1;
            if (s.services != null) {
                sf = p.services() == 0 ? 0 : s.services / (double) p.services();
                p = p.withServices(s.services);
            }
            if (s.endpointsPerService != null) {
                ef = p.endpointsPerService() == 0 ? 0 : s.endpointsPerService / (double) p.endpointsPerService();
                p = p.withEndpointsPerService(s.endpointsPerService);
            }
            if ((sf == 0 && s.services != null && s.services > 0) || (ef == 0 && s.endpointsPerService != null
                    && s.endpointsPerService > 0)) {
                throw new Cli.UsageException("the inventory has no proxied Services (or endpoints) to scale");
            }
            workload = workload.scaled(sf, ef);
        }
        if (s.nodes != null) {
            p = p.withNodes(s.nodes);
        }
        if (s.coresPerNode != null) {
            p = p.withCoresPerNode(s.coresPerNode);
        }
        if (s.kernel != null) {
            p = p.withKernel(KernelVersion.parse(s.kernel));
        }
        if (s.kubernetesVersion != null) {
            p = p.withKubernetesVersion(KubeVersion.parse(s.kubernetesVersion));
        }
        if (s.syncPeriod != null || s.minSyncPeriod != null) {
            p = p.withSyncPeriods(s.syncPeriod != null ? s.syncPeriod : p.syncPeriodSeconds(),
                    s.minSyncPeriod != null ? s.minSyncPeriod : Math.min(p.minSyncPeriodSeconds(),
                            s.syncPeriod != null ? s.syncPeriod : p.syncPeriodSeconds()));
        }
        String source = "inventory:" + paths.stream().map(Path::toString).collect(Collectors.joining(","));
        return new Base(workload, p, source, r);
    }

    /** @return the prediction JSON with an added {@code inventory} object (the contract's keys are untouched) */
    static String json(Result res) throws Exception {
        ObjectNode root = (ObjectNode) PredictionFormats.MAPPER.readTree(
                PredictionFormats.json(res.prediction(), res.source()));
        root.set("inventory", inventoryJson(res.imported()));
        return PredictionFormats.MAPPER.writeValueAsString(root) + "\n";
    }

    /** @return the prediction table followed by one line about the inventory */
    static String table(Result res) {
        InventorySummary s = InventorySummary.of(res.imported().inventory());
        return PredictionFormats.table(res.prediction(), res.source()) + String.format(Locale.ROOT,
                "inventory: '%s', %,d Services (%,d proxied), %,d ready endpoints, %,d nodes, %d input(s)%s%n",
                res.imported().inventory().name(), res.imported().inventory().services().size(), s.proxied(),
                s.endpoints(), s.nodes(), res.imported().sources().size(),
                res.imported().redacted() ? ", redacted" : "");
    }

    private static ObjectNode inventoryJson(ImportResult r) {
        InventorySummary s = InventorySummary.of(r.inventory());
        ObjectNode o = PredictionFormats.MAPPER.createObjectNode();
        o.put("name", r.inventory().name());
        o.put("redacted", r.redacted());
        o.put("services", r.inventory().services().size());
        o.put("proxiedServices", s.proxied());
        o.put("readyEndpoints", s.endpoints());
        o.put("nodes", s.nodes());
        o.put("kubernetesVersion", s.kubernetesVersion());
        o.put("kubeProxyMode", s.mode());
        InventoryFormats.sourcesJson(o.putArray("sources"), r.sources());
        ArrayNode problems = o.putArray("problems");
        for (ImportProblem p : r.problems()) {
            problems.add(p.describe());
        }
        return o;
    }
}
