package dev.kpp.app.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Synchronous {@link TaskRunner} for ViewModel tests (JabRef's CurrentThreadTaskExecutor): work and
 * callbacks run on the calling thread before {@code start()} returns. Progress reports are recorded.
 */
public final class ImmediateTaskRunner implements TaskRunner {
    /** Progress messages seen, in order. */
    public final List<String> messages = new ArrayList<>();
    /** Progress fractions seen, in order. */
    public final List<Double> progress = new ArrayList<>();
    /** When true, every task reports cancelled as soon as it asks. */
    public boolean cancelEverything;

    @Override
    public <T> RunningTask launch(TaskBuilder<T> builder) {
        ReadOnlyDoubleWrapper p = new ReadOnlyDoubleWrapper(-1);
        ReadOnlyStringWrapper m = new ReadOnlyStringWrapper("");
        ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
        TaskContext ctx = new TaskContext() {
            @Override
            public void updateProgress(double done, double total) {
                double v = total <= 0 ? -1 : done / total;
                p.set(v);
                progress.add(v);
            }

            @Override
            public void updateMessage(String message) {
                m.set(message);
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return cancelEverything;
            }
        };
        RunningTask handle = new RunningTask() {
            @Override
            public ReadOnlyDoubleProperty progressProperty() {
                return p.getReadOnlyProperty();
            }

            @Override
            public ReadOnlyStringProperty messageProperty() {
                return m.getReadOnlyProperty();
            }

            @Override
            public ReadOnlyBooleanProperty runningProperty() {
                return running.getReadOnlyProperty();
            }

            @Override
            public boolean cancellable() {
                return true;
            }

            @Override
            public void cancel() {
                cancelEverything = true;
            }
        };
        T value;
        try {
            value = builder.work().call(ctx);
        } catch (CancellationException e) {
            running.set(false);
            builder.cancelled();
            return handle;
        } catch (Exception e) {
            running.set(false);
            builder.failed(e);
            return handle;
        }
        running.set(false);
        if (cancelEverything) {
            builder.cancelled();
        } else {
            builder.succeeded(value);
        }
        return handle;
    }

    @Override
    public void shutdown() {
    }
}
