package dev.kpp.importer.codec;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r}) like {@link java.io.BufferedReader#readLine()}
 * but never holds more than {@code maxLine} characters of one line: a longer line fails as soon as
 * the limit is passed, without reading the rest of it. Memory is the limit plus a 64 KiB buffer
 * whatever the input holds (a 3 GB line in a 3 MB gzip included).
 */
public final class BoundedLineReader {
    /** Longest line accepted by default (rule dumps and metrics text): 1 MiB. */
    public static final int DEFAULT_MAX_LINE = 1 << 20;

    private final Reader in;
    private final int maxLine;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int end;
    private boolean eof;
    private boolean skipLf;
    private long lineNo;

    /**
     * @param in      the text (not closed)
     * @param maxLine longest line accepted, in characters
     */
    public BoundedLineReader(Reader in, int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine must be positive");
        }
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * @return the next line without its terminator, or null at the end of the input
     * @throws LineTooLongException when the line is longer than the limit
     * @throws IOException          when reading fails
     */
    public String readLine() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (pos >= end) {
                if (eof || !fill()) {
                    if (!any && line.length() == 0) {
                        return null;
                    }
                    lineNo++;
                    return line.toString();
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            if (line.length() + (pos - start) > maxLine) {
                throw new LineTooLongException(lineNo + 1, maxLine);
            }
            line.append(buf, start, pos - start);
            if (pos < end) {
                skipLf = buf[pos] == '\r';
                pos++;
                lineNo++;
                return line.toString();
            }
        }
    }

    /** @return the 1-based number of the line last returned (the total at the end) */
    public long lineNo() {
        return lineNo;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = 0;
            end = 0;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
