package dev.kpp.app.ui.common;

/**
 * A unit of background work run by a {@link TaskRunner}.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Work<T> {
    /**
     * Does the work on a worker thread (or the calling thread in tests).
     *
     * @param context progress reporting and cancellation
     * @return the result handed to {@link TaskBuilder#onSuccess}
     * @throws Exception any failure, handed to the error handlers
     */
    T call(TaskContext context) throws Exception;
}
