package dev.kpp.app.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The production {@link TaskRunner}: {@link javafx.concurrent.Task}s on a small pool of named daemon
 * threads ({@code kpp-worker-NN}). Task callbacks already run on the FX thread.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final System.Logger LOG = System.getLogger(FxTaskRunner.class.getName());
    private final ExecutorService executor;

    /** @param threads worker threads (2 is plenty: one for imports, one for predictions) */
    public FxTaskRunner(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, String.format("kpp-worker-%02d", counter.incrementAndGet()));
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.log(Level.ERROR, "uncaught in " + th.getName(), e));
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> RunningTask launch(TaskBuilder<T> builder) {
        WorkTask<T> task = new WorkTask<>(builder.work());
        if (executor.isShutdown()) {
            // the window is closing: work asked for now (e.g. a plan after the fit) is not started
            LOG.log(Level.DEBUG, "not started after shutdown: " + builder.name());
            return new Handle(task, new ReadOnlyBooleanWrapper(false), false);
        }
        ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
        task.setOnSucceeded(e -> {
            running.set(false);
            builder.succeeded(task.getValue());
        });
        task.setOnFailed(e -> {
            running.set(false);
            Throwable error = task.getException();
            if (!builder.failed(error)) {
                LOG.log(Level.ERROR, "task " + builder.name() + " failed", error);
            }
        });
        task.setOnCancelled(e -> {
            running.set(false);
            builder.cancelled();
        });
        executor.execute(task);
        return new Handle(task, running, builder.isCancellable());
    }

    /** What the caller holds of a launched (or, after shutdown, never started) task. */
    private record Handle(Task<?> task, ReadOnlyBooleanWrapper running, boolean cancellable) implements RunningTask {
        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return task.progressProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return task.messageProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return running.getReadOnlyProperty();
        }

        @Override
        public void cancel() {
            if (running.get() && task.getState() != Worker.State.SUCCEEDED && task.getState() != Worker.State.FAILED) {
                task.cancel(true);
            }
        }
    }

    /** A Task running {@link Work}, exposing its protected progress methods to the work's context. */
    private static final class WorkTask<T> extends Task<T> implements TaskContext {
        private final Work<T> work;

        WorkTask(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.call(this);
        }

        @Override
        public void updateProgress(double done, double total) {
            super.updateProgress(total < 0 ? -1 : done, total < 0 ? -1 : total);
        }

        @Override
        public void updateMessage(String message) {
            super.updateMessage(message);
        }

        @Override
        public void publish(Runnable update) {
            javafx.application.Platform.runLater(update);
        }
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
