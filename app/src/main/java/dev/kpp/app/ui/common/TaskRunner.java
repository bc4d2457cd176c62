package dev.kpp.app.ui.common;

/**
 * The one way feature code runs work in the background (STYLE.md section 3). Callbacks run on the
 * FX thread; in tests a synchronous implementation runs everything on the calling thread.
 */
public interface TaskRunner {
    /** @return a builder for a task doing {@code work} */
    default <T> TaskBuilder<T> task(Work<T> work) {
        return new TaskBuilder<>(this, work);
    }

    /** Starts a described task; called by {@link TaskBuilder#start()}. */
    <T> RunningTask launch(TaskBuilder<T> task);

    /** Stops the worker threads (at application exit). */
    void shutdown();
}
