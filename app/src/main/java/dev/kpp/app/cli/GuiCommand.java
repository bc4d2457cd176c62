package dev.kpp.app.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code kpp gui}: opens the planner window (the same as running kpp without a command). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the planner window.")
final class GuiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        // Launcher handles "gui" before picocli; reaching this means it was combined with other arguments.
        throw new Cli.UsageException("'gui' takes no arguments; run ./kpp or ./kpp gui");
    }
}
