package dev.kpp.app.cli;

import dev.kpp.app.text.AppInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The top-level {@code kpp} command. */
@Command(name = "kpp",
        mixinStandardHelpOptions = true,
        versionProvider = KppCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"kpp — the kube-proxy planner: what iptables, IPVS, nftables and eBPF service proxying "
                + "cost for your cluster, and when to switch.", "",
            "Run without a command to open the planner window."},
        footer = {"", "Examples:", "  kpp predict --sample tigera-10k",
            "  kpp predict --services 12000 --endpoints-per-service 8 --kubernetes-version 1.33 --format json",
            "  kpp sweep --sample growth-4k --vary services --from 100 --to 50000 --points 30",
            "  kpp import cluster.json -o cluster.kpp.json --redact", "  kpp predict --inventory cluster.kpp.json",
            "  kpp report --sample tigera-10k -o report.pdf", "  kpp calibrate", "  kpp validate", "  kpp samples", "",
            "Exit codes: 0 success, 1 bad input or a failure while running, 2 bad flags or values, 70 internal error.",
            "Add --debug to any command to print the stack trace of an internal error."})
public final class KppCommand implements Runnable {
    /**
     * The commands by name, in the order {@code --help} lists them. {@link Cli} adds them (all of
     * them, or only the one a command line names: picocli reads a command's annotations when it is
     * added, and reading all of them was a third of {@code kpp predict}'s start-up).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(PredictCommand.class, RecommendCommand.class,
            ReportCommand.class, SweepCommand.class, SamplesCommand.class, ImportCommand.class, ContextsCommand.class,
            InventoryCommand.class, DiffCommand.class, GenerateCommand.class, CalibrateCommand.class,
            ValidateCommand.class, BenchCommand.class, GuiCommand.class);

    private static Map<String, Class<?>> subcommands(Class<?>... classes) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            m.put(c.getAnnotation(Command.class).name(), c);
        }
        return Collections.unmodifiableMap(m);
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the version. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version() + " — " + AppInfo.TAGLINE,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
