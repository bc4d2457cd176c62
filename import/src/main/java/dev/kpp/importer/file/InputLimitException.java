package dev.kpp.importer.file;

import java.io.IOException;

/** An {@link ImportLimits} bound was reached while reading; the file is rejected as {@code limit-exceeded}. */
final class InputLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    InputLimitException(String message) {
        super(message);
    }
}
