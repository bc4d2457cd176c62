package dev.kpp.app.cli;

import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.plan.InventoryBase;
import dev.kpp.model.plan.InventoryScenario;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.scenario.ScenarioParams;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --inventory PATH...}: predict for imported dumps or snapshots. The inventory determines the
 * Service mix, nodes, cores, kernel, version and kube-proxy settings (one derivation, the window's
 * too: {@link InventoryScenario#derive}); cluster flags override it, traffic flags apply, and
 * {@code --services}/{@code --endpoints-per-service} scale the imported workload ({@link PlanInput}).
 */
public final class InventoryOptions {
    @Option(names = "--inventory", arity = "1..*", paramLabel = "PATH",
            description = "Predict for imported dumps or snapshots (files or directories) instead of a synthetic "
                    + "cluster.")
    List<Path> paths;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    /** @return true when --inventory or --context was given */
    boolean present() {
        return (paths != null && !paths.isEmpty()) || cluster.live();
    }

    /** @return the source label, {@code inventory:<paths>} or {@code context:<name>} */
    String source(ImportResult r) {
        if (paths == null || paths.isEmpty()) {
            return "context:" + r.cluster().map(c -> c.context()).orElse("");
        }
        return "inventory:" + paths.stream().map(Path::toString).collect(Collectors.joining(","));
    }

    /**
     * An imported inventory made ready for planning, with what the import said.
     *
     * @param input    the plan input (flags applied)
     * @param imported the import result
     */
    record Resolved(PlanInput input, ImportResult imported) {
    }

    /**
     * Imports, derives the scenario and applies the flags.
     *
     * @throws Cli.UsageException for flags that contradict an inventory
     * @throws Cli.InputException when nothing imports
     */
    Resolved resolve(CliContext context, ScenarioOptions s, PrintWriter err) {
        List<String> conflicts = new ArrayList<>();
        if (s.sample != null) {
            conflicts.add("--sample");
        }
        conflicts.addAll(s.givenFlags(PlanInput.FIXED_BY_INVENTORY));
        if (!conflicts.isEmpty()) {
            throw new Cli.UsageException(String.join(", ", conflicts) + " cannot be combined with "
                    + (cluster.live() ? "--context" : "--inventory") + " (the inventory fixes the Service mix)");
        }
        if (cluster.live() && paths != null && !paths.isEmpty()) {
            throw new Cli.UsageException("--inventory and --context cannot be combined: choose files or a cluster");
        }
        var overrides = s.overrides();
        ImportResult r = cluster.live() ? ClusterImports.require(cluster, err)
                : Imports.run(context.importer(), new ImportRequest.Files(paths), context.texts(), err);
        InventoryBase base = InventoryScenario.derive(r.inventory(), ScenarioParams.defaults());
        ScenarioParams requested = overrides.applyTo(base.params());
        return new Resolved(new PlanInput(source(r), requested, base), r);
    }
}
