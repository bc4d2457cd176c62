package dev.kpp.importer.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The operating system's reason for an I/O failure, without the Java exception class and without
 * the path (callers name the file the user gave, not a temporary one).
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** @return e.g. "permission denied", "no such file or directory", "No space left on device" */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof FileSystemException fse) {
            String r = fse.getReason();
            if (r != null && !r.isBlank()) {
                return r.strip();
            }
            return "input/output error";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "input/output error";
        }
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }

    /** @return the reason as an {@link OutputException.Reason} */
    static OutputException.Reason classify(IOException e) {
        if (e instanceof AccessDeniedException) {
            return OutputException.Reason.PERMISSION_DENIED;
        }
        if (e instanceof FileSystemLoopException) {
            return OutputException.Reason.TOO_MANY_LINKS;
        }
        String r = reason(e).toLowerCase(Locale.ROOT);
        if (r.contains("no space left") || r.contains("disk quota exceeded")) {
            return OutputException.Reason.NO_SPACE;
        }
        if (r.contains("read-only file system")) {
            return OutputException.Reason.READ_ONLY_FILE_SYSTEM;
        }
        if (r.contains("permission denied") || r.contains("operation not permitted")) {
            return OutputException.Reason.PERMISSION_DENIED;
        }
        return OutputException.Reason.FAILED;
    }
}
