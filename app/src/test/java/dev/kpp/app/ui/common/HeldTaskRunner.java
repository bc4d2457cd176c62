package dev.kpp.app.ui.common;

import java.util.ArrayList;
import java.util.List;

/** A runner that keeps every task it is given and runs none until a test does ({@link #runNext()}). */
public final class HeldTaskRunner implements TaskRunner {
    /** The tasks given so far and not yet run, oldest first. */
    public final List<TaskBuilder<?>> held = new ArrayList<>();

    @Override
    public <T> RunningTask launch(TaskBuilder<T> task) {
        held.add(task);
        return null;
    }

    /** Runs the oldest held task now, on this thread. */
    public void runNext() {
        new ImmediateTaskRunner().launch(held.remove(0));
    }

    @Override
    public void shutdown() {
    }
}
