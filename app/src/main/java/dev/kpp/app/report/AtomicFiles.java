package dev.kpp.app.report;

import dev.kpp.importer.io.SafeOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The app's entry to {@link SafeOutput}, the one writer for every file kpp writes: atomic
 * replacement, symbolic links followed, devices, FIFOs and directories refused, permission bits
 * kept, no temporary file left behind. Failures are {@link dev.kpp.importer.io.OutputException}s
 * whose message is one line naming the file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes UTF-8 text atomically; the target is either the old or the new content, never half. */
    public static void writeString(Path target, String text) throws IOException {
        SafeOutput.writeString(target, text);
    }

    /** Writes bytes atomically. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        SafeOutput.writeBytes(target, bytes);
    }
}
