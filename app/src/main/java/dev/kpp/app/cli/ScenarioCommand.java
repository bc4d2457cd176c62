package dev.kpp.app.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that plans has in common: the services, the scenario flags, the inventory or
 * cluster flags, and the one way they become a plan input ({@link #resolve()}).
 */
abstract class ScenarioCommand {
    final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    InventoryOptions inventory;

    ScenarioCommand(CliContext context) {
        this.context = context;
    }

    /**
     * @return the plan input the flags describe (an imported inventory or cluster when given, else a
     *         synthetic cluster) with the import behind it (null for a synthetic cluster)
     */
    /**
     * Writes the command's output to {@code file} (stdout when null or {@code -}), never over one of the
     * inventory's own input files.
     */
    void write(java.nio.file.Path file, String text) throws java.io.IOException {
        Output.write(spec, file, text, inventory.paths == null ? java.util.List.of() : inventory.paths);
    }

    InventoryOptions.Resolved resolve() {
        if (inventory.present()) {
            return inventory.resolve(context, scenario, spec.commandLine().getErr());
        }
        return new InventoryOptions.Resolved(scenario.synthetic(), null);
    }
}
