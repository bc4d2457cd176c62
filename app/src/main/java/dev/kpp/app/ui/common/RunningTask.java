package dev.kpp.app.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A started task as the UI sees it: observable progress and message, and cancel. FX-thread only. */
public interface RunningTask {
    /** @return progress 0..1, or -1 while indeterminate */
    ReadOnlyDoubleProperty progressProperty();

    /** @return the latest status message */
    ReadOnlyStringProperty messageProperty();

    /** @return true until the task succeeded, failed or was cancelled */
    ReadOnlyBooleanProperty runningProperty();

    /** @return true when the user may cancel it (imports, exports), false for quick internal work */
    boolean cancellable();

    /** Requests cancellation; the cancel handler runs once the work has stopped. */
    void cancel();
}
