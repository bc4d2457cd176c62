package dev.kpp.importer.codec;

import java.io.IOException;

/** A line of a line-based input is longer than the limit; reading stopped at the limit. */
public final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final int limit;

    /**
     * @param line  the 1-based number of the line
     * @param limit the longest line accepted, in characters
     */
    public LineTooLongException(long line, int limit) {
        super("line " + line + " is longer than " + limit + " characters");
        this.line = line;
        this.limit = limit;
    }

    /** @return the 1-based number of the line */
    public long line() {
        return line;
    }

    /** @return the longest line accepted, in characters */
    public int limit() {
        return limit;
    }
}
