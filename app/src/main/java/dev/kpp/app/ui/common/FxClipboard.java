package dev.kpp.app.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** {@link ClipboardService} on the JavaFX system clipboard. */
public final class FxClipboard implements ClipboardService {
    @Override
    public void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
