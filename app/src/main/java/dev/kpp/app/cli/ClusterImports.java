package dev.kpp.app.cli;

import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.KindProgress;
import dev.kpp.importer.spi.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a live import for a command: a progress bar on a terminal, one line per finished kind on
 * stderr, Ctrl-C cancels (within one page) and the command then decides what to keep.
 */
final class ClusterImports {
    private ClusterImports() {
    }

    /**
     * @param options the cluster options
     * @param err     stderr
     * @param after   runs after the import, before Ctrl-C lets the process end (writes a partial snapshot)
     * @return the result; problems are printed
     */
    static ImportResult run(ClusterOptions options, PrintWriter err, java.util.function.Consumer<ImportResult> after) {
        CliProgress bar = CliProgress.forTerminal(err);
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                finished.await(30, TimeUnit.SECONDS); // lets the import stop and keep (or drop) what it read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kpp-cancel");
        boolean hooked = false;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        } catch (IllegalStateException e) {
            // already shutting down
        }
        try {
            ImportResult r;
            try {
                r = options.importer().importInventory(options.request(), new KindLines(bar, err), cancel::get);
            } finally {
                bar.done();
            }
            Imports.report(r.problems(), dev.kpp.app.text.Texts.english(), err);
            after.accept(r);
            return r;
        } finally {
            finished.countDown();
            if (hooked && !cancel.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down
                }
            }
        }
    }

    /**
     * Runs a live import for a command that needs a complete inventory (predict, sweep, report...).
     *
     * @return the result, with at least one kind read and nothing incomplete
     * @throws Cli.InputException when nothing could be imported, or the inventory would be incomplete
     */
    static ImportResult require(ClusterOptions options, PrintWriter err) {
        ImportResult r = run(options, err, x -> {
        });
        String context = r.cluster().map(c -> c.context()).orElse("");
        if (r.cancelled()) {
            throw new Cli.InputException("cancelled while reading context " + context);
        }
        if (r.sources().isEmpty()) {
            throw new Cli.InputException("nothing could be imported from context " + context
                    + (r.errors().isEmpty() ? "" : ": " + ProblemText.describe(r.errors().get(0))));
        }
        if (r.partial()) {
            throw new Cli.InputException("context " + context + ": " + String.join(", ",
                    r.cluster().orElseThrow().incompleteKinds()) + " could not be read completely");
        }
        return r;
    }

    /** Forwards to the bar and prints a line when a kind finishes. */
    private static final class KindLines implements ProgressListener {
        private final CliProgress bar;
        private final PrintWriter err;

        KindLines(CliProgress bar, PrintWriter err) {
            this.bar = bar;
            this.err = err;
        }

        @Override
        public void progress(long workDone, long totalWork, String messageKey, String detail) {
            bar.progress(workDone, totalWork, messageKey, detail);
        }

        @Override
        public void kind(KindProgress k) {
            bar.kind(k);
            if (!k.finished()) {
                return;
            }
            String what = switch (k.phase()) {
                case DONE -> String.format(Locale.ROOT, "%,d in %,d page(s)", k.objects(), k.pages());
                case FORBIDDEN -> "forbidden, skipped";
                case NOT_FOUND -> "not served by this cluster";
                default -> String.format(Locale.ROOT, "failed after %,d object(s)", k.objects());
            };
            bar.done();
            err.println("kpp: " + k.kind() + ": " + what);
            err.flush();
        }
    }
}
