package dev.kpp.app.cli;

import dev.kpp.importer.cache.CalibrationCache;
import dev.kpp.model.calibration.BenchmarkDataset;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.rules.Workload;
import dev.kpp.model.rules.WorkloadBuilder;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.plan.Sweep;
import dev.kpp.model.scenario.SyntheticCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code kpp bench}: times the engine on this machine, side by side in one run: the 50,000-service
 * scenario (compact synthetic workload and a materialised inventory), and a 500-point sweep, and
 * the window's work per input change (a plan of the 4,000-service sample, then advice on it).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the prediction engine on this machine (median and 90th percentile of repeated runs "
                + "after warm-up)."})
final class BenchCommand implements Callable<Integer> {
    private final CliContext context;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--repeat", defaultValue = "30", paramLabel = "N", description = "Timed runs per case (default ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() {
        if (repeat < 3 || repeat > 10_000) {
            throw InvalidValueException.range("repeat", 3, 10_000, repeat);
        }
        PrintWriter out = spec.commandLine().getOut();
        ScenarioParams large = Samples.byName("large-50k").orElseThrow().params();
        Planner planner = context.planner();
        long t = System.nanoTime();
        Calibration.fit(BenchmarkDataset.embedded());
        out.printf(Locale.ROOT, "%-48s %8.1f ms%n", "calibration fit from the embedded dataset:", (System.nanoTime() - t) / 1e6);
        Optional<CalibrationCache> cache = CalibrationCache.user();
        if (cache.isPresent()) {
            Calibration.fit(BenchmarkDataset.embedded(), cache.get()); // writes the entry when missing
            t = System.nanoTime();
            Calibration restored = Calibration.fit(BenchmarkDataset.embedded(), cache.get());
            out.printf(Locale.ROOT, "%-48s %8.1f ms%n", restored.restored() ? "the same fit restored from the disk cache:"
                    : "the same fit (the disk cache cannot be written):", (System.nanoTime() - t) / 1e6);
        }

        time(out, "predict 50,000 services, all modes (compact)", () -> planner.predict(large));
        ClusterInventory inv = SyntheticCluster.inventory(large, "bench");
        time(out, "workload from a 50,000-service inventory", () -> WorkloadBuilder.fromInventory(inv, null));
        Workload w = WorkloadBuilder.fromInventory(inv, null);
        time(out, "predict that inventory's workload, all modes", () -> planner.predict(w, large));
        List<Double> values = Sweep.values(10, 100_000, 500, Sweep.Spacing.LOG);
        PlanInput input = PlanInput.synthetic("bench", large);
        time(out, "500-point services sweep, all modes", () -> planner.sweep(input, Sweep.Input.SERVICES, values,
                () -> false));
        // what the window does per input change: a plan (results), then advice on it (the Advice panel)
        PlanInput sample = PlanInput.synthetic("bench", Samples.byName("growth-4k").orElseThrow().params());
        time(out, "plan of the 4,000-service sample", () -> planner.plan(sample,
                dev.kpp.model.plan.MetricCatalog.defaultBudgets(), () -> false));
        dev.kpp.model.plan.Plan plan = planner.plan(sample, dev.kpp.model.plan.MetricCatalog.defaultBudgets(),
                () -> false);
        dev.kpp.model.advice.Advisor.Options options = new dev.kpp.model.advice.Advisor.Options(
                java.util.Optional.of(new dev.kpp.model.advice.Growth.Linear(150)), 12,
                java.time.LocalDate.now(context.clock()), 0.5, true);
        dev.kpp.model.advice.ClusterFacts facts = dev.kpp.model.advice.ClusterFacts.synthetic(sample.params(),
                java.util.Optional.empty());
        time(out, "advice on that plan (growth 150/month)", () -> new dev.kpp.model.advice.Advisor(planner)
                .advise(plan, facts, options));
        out.println("(" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")");
        out.flush();
        return 0;
    }

    /** Warm-up time per case before the timed runs: at least, and at most. */
    private static final long MIN_WARM_UP_NANOS = 4_000_000_000L;
    private static final long MAX_WARM_UP_NANOS = 10_000_000_000L;

    private void time(PrintWriter out, String label, Supplier<?> work) {
        // warm-up until the JIT has settled (JMH's warm-up iterations, made adaptive): batches of runs until a
        // batch's median is no longer 5% better than the best before it, for at least four seconds and at most
        // ten. On two cores the parallel sweep leaves the compiler little time: after ten runs, or two seconds,
        // its median was still about twice the settled one.
        long start = System.nanoTime();
        double best = Double.POSITIVE_INFINITY;
        int batch = Math.max(3, repeat / 3);
        while (true) {
            double[] warm = new double[batch];
            for (int i = 0; i < batch; i++) {
                long t = System.nanoTime();
                work.get();
                warm[i] = System.nanoTime() - t;
            }
            Arrays.sort(warm);
            double median = warm[batch / 2];
            long elapsed = System.nanoTime() - start;
            if (elapsed > MAX_WARM_UP_NANOS || (elapsed > MIN_WARM_UP_NANOS && median > best * 0.95)) {
                break;
            }
            best = Math.min(best, median);
        }
        double[] ms = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        out.printf(Locale.ROOT, "%-48s median %8.2f ms   p90 %8.2f ms%n", label + ":", ms[ms.length / 2],
                ms[(int) Math.floor(0.9 * (ms.length - 1))]);
        out.flush();
    }
}
