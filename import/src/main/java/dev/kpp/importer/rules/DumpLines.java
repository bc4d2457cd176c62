package dev.kpp.importer.rules;

import dev.kpp.importer.codec.BoundedLineReader;
import dev.kpp.importer.spi.Cancellation;

import java.io.IOException;
import java.io.Reader;

/**
 * The line loop every rule-dump parser shares: counts lines for error messages, polls cancellation
 * every 4,096 lines, strips whitespace and skips blank (and, when asked, {@code #} comment) lines.
 * Lines longer than {@link BoundedLineReader#DEFAULT_MAX_LINE} fail while being read
 * ({@link dev.kpp.importer.codec.LineTooLongException}), so a huge line is never buffered whole.
 */
final class DumpLines {
    private final BoundedLineReader in;
    private final Cancellation cancel;
    private final boolean skipComments;
    private int lineNo;

    DumpLines(Reader in, Cancellation cancel, boolean skipComments) {
        this.in = new BoundedLineReader(in, BoundedLineReader.DEFAULT_MAX_LINE);
        this.cancel = cancel;
        this.skipComments = skipComments;
    }

    /**
     * @return the next stripped, non-blank line, or null at the end of the input
     * @throws dev.kpp.importer.codec.LineTooLongException for a line over the limit
     */
    String next() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if ((lineNo & 4095) == 0) {
                cancel.check();
            }
            String t = line.strip();
            if (t.isEmpty() || (skipComments && t.startsWith("#"))) {
                continue;
            }
            return t;
        }
        return null;
    }

    /** @return the 1-based number of the line last read (the total at the end) */
    int lineNo() {
        return lineNo;
    }
}
