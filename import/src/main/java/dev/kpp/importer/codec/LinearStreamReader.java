package dev.kpp.importer.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * SnakeYAML's character reader, replaced. The original copies its whole look-ahead window for
 * every 1,024 characters it reads, so a scalar of n characters without a space costs n²/1024
 * copies (a 40 MB scalar took 469 s). This one keeps the window in a buffer that doubles and is
 * compacted only when the consumed part is at least half of it: linear time. It also bounds what a
 * hostile document can make the scanner hold, while scanning:
 *
 * <ul>
 *   <li>look-ahead (one token's characters without a break) is at most {@code maxString};</li>
 *   <li>characters consumed since the last structural indicator ({@code - ? : , [ ] { } # & * ! | > %})
 *       are at most {@code maxString}. Inside a scalar, plain, quoted or block, the scanner consumes
 *       only scalar characters, quotes, escapes and white space, so this counts the scalar being
 *       scanned (plus at most a neighbouring key) and stops a long one before it is built.</li>
 * </ul>
 *
 * Either limit ends the document with a {@link StreamConstraintsException} carrying the line and
 * column where the run began, which Jackson's YAML parser passes through unchanged.
 */
final class LinearStreamReader extends StreamReader {
    private static final String INDICATORS = "-?:,[]{}#&*!|>%";

    private final Reader stream;
    private final int maxString;
    private final char[] buf = new char[1 << 14];
    private int[] data = new int[1 << 12];
    private int pointer;
    private int length;
    private boolean eof;
    private char pendingHigh;
    private int index;
    private int documentIndex;
    private int line;
    private int column;
    private long run;
    private int runLine;
    private int runColumn;

    /**
     * @param reader    the characters (not closed)
     * @param maxString longest scalar (and look-ahead) accepted, in characters
     */
    LinearStreamReader(Reader reader, int maxString) {
        super(Reader.nullReader());
        this.stream = reader;
        this.maxString = maxString;
    }

    @Override
    public Mark getMark() {
        return new Mark("reader", index, line, column, data, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int n) {
        for (int i = 0; i < n && ensure(0); i++) {
            int c = data[pointer++];
            index = saturatedInc(index);
            documentIndex = saturatedInc(documentIndex);
            if (c < 128 && INDICATORS.indexOf(c) >= 0) {
                run = 0;
                runLine = line;
                runColumn = column;
            } else {
                count(1);
            }
            if (Constant.LINEBR.has(c) || (c == '\r' && ensure(0) && data[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return ensure(0) ? data[pointer] : '\0';
    }

    @Override
    public int peek(int i) {
        return ensure(i) ? data[pointer + i] : '\0';
    }

    @Override
    public String prefix(int n) {
        if (n == 0) {
            return "";
        }
        if (ensure(n)) {
            return new String(data, pointer, n);
        }
        return new String(data, pointer, Math.min(n, length - pointer));
    }

    @Override
    public String prefixForward(int n) {
        String s = prefix(n);
        pointer += n;
        index = saturatedAdd(index, n);
        documentIndex = saturatedAdd(documentIndex, n);
        column += n;
        count(n);
        return s;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    private void count(int n) {
        run += n;
        if (run > maxString) {
            throw limit("a YAML scalar (or a run of text without YAML structure) longer than " + maxString
                    + " characters", runLine, runColumn);
        }
    }

    /** @return true when the character at {@code pointer + size} is available */
    private boolean ensure(int size) {
        if (pointer + size < length) {
            return true;
        }
        if (size > maxString) {
            throw limit("a YAML token (characters without a break) longer than " + maxString + " characters", line,
                    column);
        }
        while (!eof && pointer + size >= length) {
            fill();
        }
        return pointer + size < length;
    }

    private void fill() {
        if (pointer > 0 && (pointer >= data.length / 2 || length + buf.length + 1 > data.length)) {
            System.arraycopy(data, pointer, data, 0, length - pointer);
            length -= pointer;
            pointer = 0;
        }
        if (length + buf.length + 1 > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + buf.length + 1));
        }
        int n;
        try {
            do {
                n = stream.read(buf, 0, buf.length);
            } while (n == 0);
        } catch (IOException e) {
            throw new YAMLException(e);
        }
        if (n < 0) {
            eof = true;
            if (pendingHigh != 0) {
                throw new ReaderException("reader", index + (length - pointer), pendingHigh,
                        "The last char is HighSurrogate (no LowSurrogate detected).");
            }
            return;
        }
        int i = 0;
        if (pendingHigh != 0) {
            store(Character.toCodePoint(pendingHigh, buf[0]), buf[0]);
            pendingHigh = 0;
            i = 1;
        }
        for (; i < n; i++) {
            char c = buf[i];
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == n) {
                    pendingHigh = c;
                    break;
                }
                store(Character.toCodePoint(c, buf[i + 1]), buf[i + 1]);
                i++;
            } else {
                store(c, c);
            }
        }
    }

    private void store(int codePoint, char low) {
        if (!StreamReader.isPrintable(codePoint) || (codePoint > 0xFFFF && !Character.isLowSurrogate(low))) {
            throw new ReaderException("reader", index + (length - pointer), codePoint,
                    "special characters are not allowed");
        }
        data[length++] = codePoint;
    }

    private static YAMLException limit(String what, int line, int column) {
        StreamConstraintsException e = new StreamConstraintsException(what + " (the string length limit)",
                new JsonLocation(ContentReference.unknown(), -1, -1, line + 1, column + 1));
        return new YAMLException(e.getOriginalMessage(), e);
    }

    private static int saturatedInc(int v) {
        return v == Integer.MAX_VALUE ? v : v + 1;
    }

    private static int saturatedAdd(int v, int n) {
        long s = (long) v + n;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }
}
