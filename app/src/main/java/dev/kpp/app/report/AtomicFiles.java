package dev.kpp.app.report;

import dev.kpp.app.text.Messages;

import dev.kpp.importer.io.OutputException;
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

    /** @return the one line that says why a file could not be written, in the app's wording */
    public static String describe(OutputException e) {
        Messages m = Messages.english();
        String t = String.valueOf(e.target());
        return switch (e.reason()) {
            case NOT_A_REGULAR_FILE -> m.get("output.error.notRegularFile", t, e.detail());
            case SAME_AS_INPUT -> m.get("output.error.sameAsInput", t, e.detail());
            case NO_DIRECTORY -> m.get("output.error.noDirectory", t, e.detail());
            case PERMISSION_DENIED -> m.get("output.error.permissionDenied", t);
            case NO_SPACE -> m.get("output.error.noSpace", t);
            case READ_ONLY_FILE_SYSTEM -> m.get("output.error.readOnly", t);
            case TOO_MANY_LINKS -> m.get("output.error.tooManyLinks", t);
            case FAILED -> m.get("output.error.failed", t, e.detail());
        };
    }

    /** @return true when the target was refused (a usage error), false when writing failed */
    public static boolean isRefusal(OutputException e) {
        return switch (e.reason()) {
            case NOT_A_REGULAR_FILE, SAME_AS_INPUT, NO_DIRECTORY, TOO_MANY_LINKS -> true;
            default -> false;
        };
    }
}
