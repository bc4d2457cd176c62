package dev.kpp.app.cli;

import dev.kpp.app.text.Texts;
import dev.kpp.importer.Importers;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.plan.Planner;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The command line's composition root: the services every command uses, created once per run and
 * handed to the commands through their constructors ({@link Cli#commandLine}). The calibration is
 * fitted on first use, so commands that need none (import, inventory, samples) never pay for it.
 */
final class CliContext {
    private final Supplier<Calibration> calibrationSource;
    private final InventoryImporter importer;
    private final Texts texts;
    private final Clock clock;
    private Calibration calibration;
    private Planner planner;

    CliContext(Supplier<Calibration> calibration, InventoryImporter importer, Texts texts, Clock clock) {
        this.calibrationSource = Objects.requireNonNull(calibration);
        this.importer = Objects.requireNonNull(importer);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
    }

    /** @return the defaults: the embedded calibration, the shipped importers, English, the system clock */
    static CliContext defaults() {
        return new CliContext(Calibration::embedded, Importers.defaults(), Texts.english(), Clock.systemUTC());
    }

    /** @return the fitted calibration (fitted on first use) */
    synchronized Calibration calibration() {
        if (calibration == null) {
            calibration = calibrationSource.get();
        }
        return calibration;
    }

    /** @return the planner over {@link #calibration()} */
    synchronized Planner planner() {
        if (planner == null) {
            planner = new Planner(calibration());
        }
        return planner;
    }

    /** @return the importer for files and clusters */
    InventoryImporter importer() {
        return importer;
    }

    /** @return the wording */
    Texts texts() {
        return texts;
    }

    /** @return the clock (fixed in golden-file tests) */
    Clock clock() {
        return clock;
    }
}
