package dev.kpp.app.ui.common;

/** The system clipboard as ViewModels use it ("Copy as JSON"); tests use a fake. */
@FunctionalInterface
public interface ClipboardService {
    /** Puts text on the clipboard, replacing what was there. FX thread only. */
    void putText(String text);
}
