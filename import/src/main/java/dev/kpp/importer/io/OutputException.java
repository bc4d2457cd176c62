package dev.kpp.importer.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file kpp was asked to write could not be written; the target was left as it was. Carries a
 * {@link Reason} and parameters for the app to word; {@link #getMessage()} is a one-line English
 * fallback that names the target, never a temporary file or a Java class.
 */
public final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the write was refused or failed. */
    public enum Reason {
        /** The target exists and is not a regular file; {@link #detail()} names its kind. */
        NOT_A_REGULAR_FILE,
        /** The target is one of the inputs; {@link #detail()} is that input as given. */
        SAME_AS_INPUT,
        /** The target's directory does not exist and could not be created. */
        NO_DIRECTORY,
        /** The operating system denied access. */
        PERMISSION_DENIED,
        /** The disk is full. */
        NO_SPACE,
        /** The file system is mounted read-only. */
        READ_ONLY_FILE_SYSTEM,
        /** A chain of more than 40 symbolic links. */
        TOO_MANY_LINKS,
        /** Anything else; {@link #detail()} is the operating system's reason. */
        FAILED
    }

    private final Reason reason;
    private final transient Path target;
    private final String detail;

    /**
     * @param reason why
     * @param target the file as the user named it
     * @param detail a parameter for the reason (see {@link Reason}), may be ""
     */
    public OutputException(Reason reason, Path target, String detail) {
        super(english(reason, target, detail));
        this.reason = reason;
        this.target = target;
        this.detail = detail == null ? "" : detail;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return the file as the user named it */
    public Path target() {
        return target;
    }

    /** @return the reason's parameter: a file kind, an input, or the operating system's words */
    public String detail() {
        return detail;
    }

    private static String english(Reason reason, Path target, String detail) {
        String t = String.valueOf(target);
        return switch (reason) {
            case NOT_A_REGULAR_FILE -> "cannot write " + t + ": it is a " + detail + ", not a regular file";
            case SAME_AS_INPUT -> "cannot write " + t + ": it is also an input (" + detail + ")";
            case NO_DIRECTORY -> "cannot write " + t + ": its directory does not exist and cannot be created"
                    + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
            case PERMISSION_DENIED -> "cannot write " + t + ": permission denied";
            case NO_SPACE -> "cannot write " + t + ": no space left on the device";
            case READ_ONLY_FILE_SYSTEM -> "cannot write " + t + ": the file system is read-only";
            case TOO_MANY_LINKS -> "cannot write " + t + ": too many levels of symbolic links";
            case FAILED -> "cannot write " + t + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        };
    }
}
