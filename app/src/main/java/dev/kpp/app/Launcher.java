package dev.kpp.app;

import dev.kpp.app.cli.Cli;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.importer.cache.CalibrationCache;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.model.calibration.Calibration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Entry point. With arguments it runs the command-line interface and never starts JavaFX; without
 * arguments (or with {@code gui}) it opens the planner window. It does not extend
 * {@code Application}, so a plain classpath launch works (docs/adr/0004).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // the calibration is fitted once per machine, then restored from the user's cache (docs/benchmarks.md)
        CalibrationCache.installUserCache();
        if (args.length == 0 || (args.length == 1 && args[0].equals("gui"))) {
            System.exit(startGui());
        }
        if (NEEDS_CALIBRATION.contains(args[0])) {
            // on the second core while picocli builds the command: restore (or fit) the calibration,
            // then load what printing a prediction needs (the root locale's digits; the JSON mapper when the
            // output is JSON: the terminal table does not need it)
            boolean json = args[0].equals("report") || Arrays.stream(args).anyMatch(a -> a.endsWith("json"));
            prepareInBackground(() -> prepare(json));
        }
        if (READS_FILES.contains(args[0])) {
            readAhead(args);
            // the same for the commands that read files: the parsers' factories and mappers, the SHA-256
            // provider and the digits, on the second core while picocli parses and the file is opened
            prepareInBackground(Launcher::prepareReading);
        }
        System.exit(Cli.run(args, System.out, System.err));
    }

    /**
     * Starts reading the first big JSON List named on the command line on the second core now,
     * while picocli parses the arguments (docs/benchmarks.md, "Two cores"); the import takes it.
     */
    private static void readAhead(String[] args) {
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-") || a.isEmpty()) {
                continue;
            }
            try {
                if (dev.kpp.importer.OfflineImporter.readAhead(java.nio.file.Path.of(a))) {
                    return;
                }
            } catch (java.nio.file.InvalidPathException e) {
                // not a path: picocli says what is wrong with the arguments
            }
        }
    }

    /** Runs start-up preparation on a daemon thread (the second core), never delaying the exit. */
    private static void prepareInBackground(Runnable work) {
        Thread t = new Thread(work, "kpp-prepare");
        t.setDaemon(true);
        t.start();
    }

    private static void prepareReading() {
        try {
            Class.forName(Parsers.class.getName(), true, Launcher.class.getClassLoader());
            MessageDigest.getInstance("SHA-256");
            // the message bundle (read while picocli builds the command) and the summary's formatting
            Class.forName(dev.kpp.app.text.Messages.class.getName(), true, Launcher.class.getClassLoader());
            Class.forName(dev.kpp.app.report.InventoryFormats.class.getName(), true, Launcher.class.getClassLoader());
            // the YAML parser, which a dump's kube-proxy ConfigMap needs for its embedded configuration
            Parsers.YAML.readTree("mode: iptables\n");
        } catch (ClassNotFoundException | NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String.format(Locale.ROOT, "%,d", 1);
    }

    /** Commands that read files (and print a summary of them). */
    private static final Set<String> READS_FILES = Set.of("import", "inventory", "diff");

    /** @param json whether the command will write JSON (its mapper is then created here too) */
    private static void prepare(boolean json) {
        Calibration.embedded();
        try {
            Class.forName(PredictionFormats.class.getName(), true, Launcher.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (json) {
            PredictionFormats.mapper();
        }
        String.format(Locale.ROOT, "%,d", 1);
    }

    /** Commands that predict: their calibration is prepared in parallel with parsing the command line. */
    private static final Set<String> NEEDS_CALIBRATION = Set.of("predict", "recommend", "report", "sweep", "bench");

    private static int startGui() {
        String missing = missingDisplay();
        if (missing != null) {
            System.err.println("kpp: " + missing + ", so the planner window cannot open; "
                    + "the command line works without one: ./kpp --help");
            return 1;
        }
        // the calibration and the first plan, on the second core while JavaFX starts (docs/benchmarks.md, "Start-up")
        PlannerApplication.prepare();
        javafx.application.Application.launch(PlannerApplication.class);
        return 0;
    }

    /** @return why no window can open, or null when a display looks available */
    static String missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            return null;
        }
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if ((display == null || display.isBlank()) && (wayland == null || wayland.isBlank())) {
            return "no display found (DISPLAY is not set)";
        }
        return null;
    }
}
