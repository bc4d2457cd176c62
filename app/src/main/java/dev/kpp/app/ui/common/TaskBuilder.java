package dev.kpp.app.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fluent description of a background task: {@code runner.task(work).onSuccess(..).onError(..).start()}.
 * Every handler runs on the FX thread (on the calling thread with the synchronous runner used in
 * tests). See docs/adr/0102-task-runner-threading.md.
 *
 * @param <T> the result type
 */
public final class TaskBuilder<T> {
    private final TaskRunner runner;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private final List<ErrorHandler<?>> errorHandlers = new ArrayList<>();
    private Runnable onCancelled = () -> { };
    private Runnable andFinally = () -> { };
    private boolean cancellable;
    private String name = "task";

    TaskBuilder(TaskRunner runner, Work<T> work) {
        this.runner = Objects.requireNonNull(runner);
        this.work = Objects.requireNonNull(work);
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        boolean handle(Throwable t) {
            if (type.isInstance(t)) {
                handler.accept(type.cast(t));
                return true;
            }
            return false;
        }
    }

    /** Names the task in logs. */
    public TaskBuilder<T> named(String taskName) {
        this.name = taskName;
        return this;
    }

    /** Handles the result. */
    public TaskBuilder<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = handler;
        return this;
    }

    /** Handles failures of one type; handlers are tried in the order they were added. */
    public <E extends Throwable> TaskBuilder<T> onError(Class<E> type, Consumer<? super E> handler) {
        errorHandlers.add(new ErrorHandler<>(type, handler));
        return this;
    }

    /** Handles any failure not handled by a typed handler. */
    public TaskBuilder<T> onError(Consumer<Throwable> handler) {
        return onError(Throwable.class, handler);
    }

    /** Runs when the task was cancelled. */
    public TaskBuilder<T> onCancelled(Runnable handler) {
        this.onCancelled = handler;
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public TaskBuilder<T> andFinally(Runnable handler) {
        this.andFinally = handler;
        return this;
    }

    /** Marks the task as cancellable by the user (the status bar shows Cancel). */
    public TaskBuilder<T> cancellable() {
        this.cancellable = true;
        return this;
    }

    /** Starts the task. */
    public RunningTask start() {
        return runner.launch(this);
    }

    String name() {
        return name;
    }

    boolean isCancellable() {
        return cancellable;
    }

    Work<T> work() {
        return work;
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            andFinally.run();
        }
    }

    /** @return false when no handler took the failure (the runner logs it) */
    boolean failed(Throwable error) {
        try {
            for (ErrorHandler<?> h : errorHandlers) {
                if (h.handle(error)) {
                    return true;
                }
            }
            return false;
        } finally {
            andFinally.run();
        }
    }

    void cancelled() {
        try {
            onCancelled.run();
        } finally {
            andFinally.run();
        }
    }
}
