package dev.kpp.app.ui.inventory;

/** Receives import progress; the app forwards it to the status bar. Thread-safe. */
@FunctionalInterface
public interface ProgressSink {
    /** Reports progress. */
    void report(ImportProgress progress);

    /** A sink that ignores everything. */
    ProgressSink NONE = p -> { };
}
