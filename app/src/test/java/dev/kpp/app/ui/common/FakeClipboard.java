package dev.kpp.app.ui.common;

/** A clipboard that remembers what was put on it. */
public final class FakeClipboard implements ClipboardService {
    /** The text last put, or null. */
    public String text;

    @Override
    public void putText(String value) {
        this.text = value;
    }
}
