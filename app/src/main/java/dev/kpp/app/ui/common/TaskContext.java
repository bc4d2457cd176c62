package dev.kpp.app.ui.common;

/** What running work may do: report progress and ask whether it was cancelled. Safe from any thread. */
public interface TaskContext {
    /** Reports progress; a negative total means indeterminate. */
    void updateProgress(double done, double total);

    /** Reports a user-facing status message (already translated). */
    void updateMessage(String message);

    /** @return true once the user cancelled; long work should check this and stop early */
    boolean isCancelled();

    /**
     * Hands an update of the task's own observable state (e.g. per-kind counts of a live import) to
     * the FX thread; updates run in the order published. The synchronous runner of tests runs it at once.
     *
     * @param update touches FX-thread state only
     */
    default void publish(Runnable update) {
        update.run();
    }
}
