package dev.kpp.app.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Undo/redo of immutable states. Consecutive edits of the same field within {@link #MERGE_WINDOW_NANOS}
 * merge into one step, so dragging a slider is one undo step, not hundreds.
 *
 * @param <S> the state type (immutable)
 */
public final class UndoStack<S> {
    /** Edits of one field closer together than this merge. */
    public static final long MERGE_WINDOW_NANOS = 1_000_000_000L;
    private static final int LIMIT = 200;

    private record Entry<S>(S before, String field, long at) {
    }

    private final Deque<Entry<S>> undo = new ArrayDeque<>();
    private final Deque<S> redo = new ArrayDeque<>();
    private final LongSupplier clock;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    /** @param clock nanosecond clock (System::nanoTime; a fake in tests) */
    public UndoStack(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Records that the state changed from {@code before} by an edit of {@code field}.
     *
     * @param before the state before the edit
     * @param field  which input changed (edits of one field in quick succession merge)
     */
    public void record(S before, String field) {
        long now = clock.getAsLong();
        Entry<S> last = undo.peek();
        redo.clear();
        if (last != null && Objects.equals(last.field(), field) && now - last.at() < MERGE_WINDOW_NANOS) {
            undo.pop();
            undo.push(new Entry<>(last.before(), field, now));
        } else {
            undo.push(new Entry<>(before, field, now));
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        update();
    }

    /** @return the state to restore, given the current one, or null when there is nothing to undo */
    public S undo(S current) {
        Entry<S> e = undo.poll();
        if (e == null) {
            return null;
        }
        redo.push(current);
        update();
        return e.before();
    }

    /** @return the state to restore, given the current one, or null when there is nothing to redo */
    public S redo(S current) {
        S next = redo.poll();
        if (next == null) {
            return null;
        }
        undo.push(new Entry<>(current, null, Long.MIN_VALUE));
        update();
        return next;
    }

    /** Forgets history (after opening a file or importing). */
    public void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
