package dev.kpp.importer.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.model.inventory.EndpointInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a big kubectl JSON {@code List} on two cores: the {@code items} array is cut at an item
 * boundary near the middle of the file, another thread parses the second half while the reading
 * thread parses the first, and the second half's items and warnings go to the file's collector,
 * in the file's order, where the first half's list ends. The outcome is the serial one: the same
 * objects, problems (with their lines, columns and paths), caps and order.
 *
 * <p>How: a string-free pre-scan (a JSON string holds no raw line break, so a line is never inside
 * one) finds a line that opens an item, at the indentation of the list's first item, after a line
 * ending in <code>},</code>. The second thread reads <code>{"items":[</code>, a line break and the
 * file from that line on ({@link KubeDumpReader#readSecondHalf}) until its list closes, and records
 * what a collector would receive. The reading thread's stream is the file up to the comma before
 * the cut, then (once the second half is read) as many line breaks and spaces as put the list's
 * closing {@code ]} at its own line and column, then the file from that {@code ]} on. When the
 * first half's parser closes the items list exactly at that {@code ]} (its byte offset in the
 * stream), the cut was at an item boundary and the second half is taken in ({@link #splice}).
 *
 * <p>When anything else happens (the guess was not an item boundary, the file is not what the
 * pre-scan assumed, the file has an error anywhere, in either half), the file is read again,
 * serially, from the start: {@link #confirmed()} tells the caller. So an error is always the serial
 * read's, with the places Jackson names in its messages and those that depend on where its buffers
 * begin (a number over the length limit is reported where the parser stood).
 */
public final class SplitRead {
    /** Files below this size are read on one thread (the second thread's start-up is not worth it). */
    static final long MIN_BYTES = 16L << 20;
    /** {@code -Dkpp.import.split=off} reads every file on one thread. */
    static final String PROPERTY = "kpp.import.split";
    private static final byte[] PREFIX = "{\"items\":[\n".getBytes(StandardCharsets.US_ASCII);
    /** The second half's items begin on this line of its stream (the prefix is line 1). */
    private static final int FIRST_LINE = 2;
    private static final int HEAD = 64 << 10;
    private static final int WINDOW = 1 << 20;
    private static final int MAX_WINDOWS = 16;
    /**
     * The reading thread's share of the file: less than half, because it also takes the second
     * half's items into the collector (about a tenth of the parse), and the two finished together
     * at 0.42-0.46 on the 10,000-Service dump (docs/benchmarks.md).
     */
    static final double FIRST_SHARE = 0.44;

    /** What the second thread read: its items, and where its list's {@code ]} is in its stream. */
    record Half(int items, long endOffset, int endLine, int endColumn) {
    }

    /** Thrown into the first half's parser when the second thread failed in a way the file does not explain. */
    static final class Abandoned extends IOException {
        private static final long serialVersionUID = 1L;

        Abandoned(String why) {
            super(why);
        }
    }

    private final Path file;
    private final String source;
    /** The comma before the cut (a file offset). */
    private final long comma;
    /** The first byte of the second half: the start of the line that opens an item. */
    private final long start;
    /** Line breaks between the comma and {@link #start}. */
    private final int breaks;
    private final Recorder recorder = new Recorder();
    /** The second half, or null when the file is to be read serially. */
    private final CompletableFuture<Half> done = new CompletableFuture<>();
    private final AtomicLong secondBytes = new AtomicLong();
    private volatile boolean abandoned;
    private volatile Cancellation cancel = Cancellation.NEVER;
    private boolean started;
    /** The file's size and modification time when it was planned (for {@link #takeAhead}). */
    private long plannedSize = -1;
    private long plannedModified;
    private Half half;
    /** Offset of the closing {@code ]} in the first half's stream, once known; -1 before. */
    private long spliceAt = -1;
    /** Line breaks the stream put in place of the second half. */
    private long fillerBreaks;
    private boolean confirmed;

    private SplitRead(Path file, String source, long comma, long start, int breaks) {
        this.file = file;
        this.source = source;
        this.comma = comma;
        this.start = start;
        this.breaks = breaks;
    }

    /**
     * Looks for a place to cut a file.
     *
     * @param file     a regular file
     * @param size     its size
     * @param source   its name for problems
     * @param minBytes smallest file to cut ({@link #MIN_BYTES} but in tests)
     * @param fraction where in the file the search for a cut begins (0 to 1): {@link #FIRST_SHARE},
     *                 {@link #AHEAD_SHARE}, or a test's
     * @return the plan, not started, or null when the file is read on one thread: too small, one
     *         core, {@code -Dkpp.import.split=off}, or not a pretty-printed JSON {@code List} whose
     *         items begin in its first 64 KiB
     */
    static SplitRead plan(Path file, long size, String source, long minBytes, double fraction) throws IOException {
        if (size < minBytes || Runtime.getRuntime().availableProcessors() < 2
                || "off".equals(System.getProperty(PROPERTY))) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] head = readAt(ch, 0, HEAD);
            int indent = itemsIndent(head);
            if (indent < 0) {
                return null;
            }
            // never in the head: its content is recognised (and checked for binary bytes) as it is in the file
            long from = Math.max((long) (size * fraction), SourceReader.SNIFF);
            for (int w = 0; w < MAX_WINDOWS && from < size; w++) {
                byte[] buf = readAt(ch, from, WINDOW);
                long found = cut(buf, indent);
                if (found >= 0) {
                    int at = (int) found;
                    int c = commaBefore(buf, at);
                    if (c >= 0) {
                        return new SplitRead(file, source, from + c, from + at, breaks(buf, c + 1, at));
                    }
                }
                from += WINDOW - 256; // windows overlap, so a line cut by a window's end is seen whole
            }
            return null;
        }
    }

    /**
     * @return the number of spaces before the first item's <code>{</code> in a pretty-printed List
     *         (the first value is an object whose {@code "items": [} is followed by a line break), or
     *         -1
     */
    static int itemsIndent(byte[] head) {
        int i = skipSpace(head, 0);
        if (i >= head.length || head[i] != '{') {
            return -1;
        }
        byte[] key = "\"items\"".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int k = i; k + key.length < head.length; k++) {
            for (int j = 0; j < key.length; j++) {
                if (head[k + j] != key[j]) {
                    continue outer;
                }
            }
            int q = skipSpace(head, k + key.length);
            if (q >= head.length || head[q] != ':') {
                continue;
            }
            q = skipSpace(head, q + 1);
            if (q >= head.length || head[q] != '[') {
                continue;
            }
            q++;
            while (q < head.length && (head[q] == ' ' || head[q] == '\t' || head[q] == '\r')) {
                q++;
            }
            if (q >= head.length || head[q] != '\n') {
                return -1;
            }
            int spaces = 0;
            q++;
            while (q < head.length && head[q] == ' ') {
                spaces++;
                q++;
            }
            return q < head.length && head[q] == '{' ? spaces : -1;
        }
        return -1;
    }

    /**
     * @return the index in {@code buf} of the first line that is {@code indent} spaces and a
     *         <code>{</code>, after a line break, or -1
     */
    static long cut(byte[] buf, int indent) {
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            int s = i + 1;
            int j = s;
            while (j < buf.length && j - s < indent && buf[j] == ' ') {
                j++;
            }
            if (j - s == indent && j < buf.length && buf[j] == '{' && commaBefore(buf, s) >= 0) {
                return s;
            }
        }
        return -1;
    }

    /**
     * @return the index of the comma that ends the line(s) before {@code lineStart} when only
     *         white space separates them and a <code>}</code> comes right before it; else -1
     */
    static int commaBefore(byte[] buf, int lineStart) {
        int k = lineStart - 1;
        while (k >= 0 && (buf[k] == ' ' || buf[k] == '\t' || buf[k] == '\n' || buf[k] == '\r')) {
            k--;
        }
        if (k < 1 || buf[k] != ',' || buf[k - 1] != '}') {
            return -1;
        }
        for (int m = k + 1; m < lineStart; m++) {
            if (buf[m] == '\r' && buf[m + 1] != '\n') {
                return -1; // a lone carriage return: Jackson counts it as a line, keep it simple
            }
        }
        return k;
    }

    /** @return the line breaks in {@code buf[from, to)} as Jackson counts them (CR LF is one) */
    private static int breaks(byte[] buf, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static byte[] readAt(FileChannel ch, long pos, int max) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate((int) Math.min(max, Math.max(0, ch.size() - pos)));
        while (bb.hasRemaining()) {
            if (ch.read(bb, pos + bb.position()) < 0) {
                break;
            }
        }
        return bb.flip().remaining() == bb.capacity() ? bb.array()
                : java.util.Arrays.copyOf(bb.array(), bb.remaining());
    }

    /** Starts the second thread. */
    void start(Cancellation cancel) {
        this.cancel = cancel;
        if (started) {
            return; // read ahead: from now on it also stops when this import is cancelled
        }
        started = true;
        Cancellation stop = () -> abandoned || this.cancel.isCancelled();
        Thread t = new Thread(() -> {
            Half o;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.position(start);
                InputStream rest = new CountingStream(Channels.newInputStream(ch), secondBytes);
                InputStream in = new SequenceInputStream(new java.io.ByteArrayInputStream(PREFIX), rest);
                o = KubeDumpReader.readSecondHalf(in, source, recorder, stop);
            } catch (ImportException | IOException | RuntimeException | Error e) {
                // the file's own error too: the first thread reads the file again, alone, and reports it
                o = null;
            }
            if (abandoned) {
                recorder.events.clear(); // nobody takes them in
                recorder.dropped.clear();
            }
            done.complete(o);
        }, "kpp-import-second-half");
        t.setDaemon(true);
        t.start();
    }

    /** The file whose second half is read ahead, before an import asked for it; null when none. */
    private static final java.util.concurrent.atomic.AtomicReference<SplitRead> AHEAD =
            new java.util.concurrent.atomic.AtomicReference<>();
    /**
     * The reading thread's share of a file read ahead: the second thread starts while the command
     * line is still being parsed, so it can take more (docs/benchmarks.md).
     */
    static final double AHEAD_SHARE = 0.40;

    /**
     * Plans a file's cut and starts its second thread now, for the import that will read it.
     *
     * @param file a path named on the command line
     * @return true when the file is read ahead (a big pretty-printed JSON List)
     */
    public static boolean readAhead(Path file) {
        try {
            if (!java.nio.file.Files.isRegularFile(file)) {
                return false;
            }
            long size = java.nio.file.Files.size(file);
            long modified = java.nio.file.Files.getLastModifiedTime(file).toMillis();
            SplitRead s = plan(file, size, file.toString(), MIN_BYTES, AHEAD_SHARE);
            if (s == null) {
                return false;
            }
            s.plannedSize = size;
            s.plannedModified = modified;
            s.start(Cancellation.NEVER);
            SplitRead before = AHEAD.getAndSet(s);
            if (before != null) {
                before.abandon();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // the import reads the file as usual and reports what is wrong with it
        }
    }

    /**
     * @return the read-ahead of this file (planned as {@link #plan} plans it) when it was read ahead
     *         under this name and has not changed since, else null; a read-ahead of another file is
     *         stopped (only the first file an import reads can have one)
     */
    static SplitRead takeAhead(Path file, long size, String source) {
        SplitRead s = AHEAD.getAndSet(null);
        if (s == null) {
            return null;
        }
        try {
            if (s.source.equals(source) && s.file.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())
                    && s.plannedSize == size
                    && java.nio.file.Files.getLastModifiedTime(file).toMillis() == s.plannedModified) {
                return s;
            }
        } catch (IOException e) {
            // stop it below
        }
        s.abandon();
        return null;
    }

    /** Stops the second thread at its next item, when it still runs; what it recorded is dropped. */
    void abandon() {
        abandoned = true;
    }

    /** @return true once the first half's parser closed the items list where the second half was cut out */
    boolean confirmed() {
        return confirmed;
    }

    /** @return bytes of the second half read so far (for progress) */
    long secondHalfBytes() {
        return secondBytes.get();
    }

    /** @return the first thread's stream: {@code raw} (the file from its start) with the second half cut out */
    InputStream firstHalf(InputStream raw) {
        return new FirstHalf(raw);
    }

    /**
     * Called when a list closes in the first half's parser.
     *
     * @param end   where its {@code ]} is
     * @param sink  the file's collector
     * @param items the list's items before it
     * @return the list's items: {@code items}, plus the second half's when this was the cut
     */
    int splice(JsonLocation end, InventoryCollector sink, int items) {
        if (confirmed || spliceAt < 0 || end.getByteOffset() != spliceAt) {
            return items;
        }
        confirmed = true;
        // the line the second half began on: the ] is fillerBreaks lines below the comma's line
        long firstLine = end.getLineNr() - fillerBreaks + breaks;
        Translation tr = new Translation(firstLine - FIRST_LINE, items);
        for (Object e : recorder.events) {
            if (e instanceof Converted c) {
                sink.acceptConverted(c.item, c.source, new Spot(c.line + tr.lines, c.column, c.index + items),
                        c.converted);
            } else if (e instanceof Accepted a) {
                sink.accept(a.item, a.endpoints, a.endpointsError, a.source, tr.location(a.location),
                        tr.path(a.path));
            } else {
                sink.problem(tr.problem((ImportProblem) e));
            }
        }
        recorder.events.clear();
        // each was preceded by the cap's worth of its code, so the collector would have counted it
        recorder.dropped.forEach(sink::suppressed);
        return items + half.items;
    }

    /** Moves what the second thread saw to where the file has it: lines and item indexes. */
    /**
     * @param lines add to a line of the second half's stream
     * @param items add to an item index
     */
    record Translation(long lines, int items) {
        String location(String loc) {
            int colon = loc.indexOf(':');
            if (colon <= 0) {
                return loc;
            }
            return (Long.parseLong(loc.substring(0, colon)) + lines) + loc.substring(colon);
        }

        /** {@code $.items[3]...} becomes {@code $.items[items + 3]...}; other text is kept. */
        String path(String text) {
            String head = "$.items[";
            if (!text.startsWith(head)) {
                return text;
            }
            int close = text.indexOf(']', head.length());
            if (close < 0) {
                return text;
            }
            long index = Long.parseLong(text.substring(head.length(), close));
            return head + (index + items) + text.substring(close);
        }

        ImportProblem problem(ImportProblem p) {
            return new ImportProblem(p.severity(), p.code(), p.source(), location(p.location()), path(p.detail()));
        }
    }

    private record Accepted(JsonNode item, List<EndpointInfo> endpoints, String endpointsError, String source,
                            String location, String path) {
    }

    /** An object converted on the second thread, where it is in the second half's stream. */
    private record Converted(JsonNode item, String source, long line, long column, long index,
                             InventoryCollector.Converted converted) {
    }

    /** Where an object of the second half is in the file; its text is made only for a problem. */
    private record Spot(long line, long column, long index) implements InventoryCollector.Place {
        @Override
        public String location() {
            return line + ":" + column;
        }

        @Override
        public String path() {
            return "$.items[" + index + "]";
        }

        @Override
        public long position() {
            return (line << 32) | column;
        }
    }

    /**
     * Records what the second half hands a collector, in order, with each object already converted
     * (the collector checks it against its index and takes the result); interns with its own table.
     */
    private static final class Recorder implements DumpSink {
        final List<Object> events = new ArrayList<>();
        private final Interner strings = new Interner();

        @Override
        public void accept(JsonNode item, List<EndpointInfo> endpoints, String endpointsError, String source,
                           String location, String path) {
            InventoryCollector.Converted ahead = InventoryCollector.convertAhead(item, endpoints, endpointsError,
                    this::intern);
            if (ahead == null) {
                // an object of a kind not read is only counted: keep what says its kind, not its tree
                boolean skipped = item != null && item.isObject() && !KubeObjects.text(item, "kind").isEmpty()
                        && !InventoryCollector.reads(KubeObjects.text(item, "kind"));
                events.add(new Accepted(skipped ? identity(item) : item, endpoints, endpointsError, source, location,
                        path));
            } else {
                // the collector reads no more of a converted object than this: keep that only, not the tree
                int colon = location.indexOf(':');
                events.add(new Converted(identity(item), source, Long.parseLong(location.substring(0, colon)),
                        Long.parseLong(location.substring(colon + 1)), Long.parseLong(path.substring(
                        "$.items[".length(), path.length() - 1)), ahead));
            }
        }

        /** Warnings per code recorded, and those beyond the collector's cap only counted. */
        private final Map<String, int[]> kept = new HashMap<>();
        final Map<String, Long> dropped = new java.util.TreeMap<>();

        @Override
        public void problem(ImportProblem p) {
            if (p.severity() == ImportProblem.Severity.WARNING) {
                // past the cap the collector only counts them: so can this (a hostile file warns per token)
                int[] n = kept.computeIfAbsent(p.code(), c -> new int[1]);
                if (n[0] >= InventoryCollector.MAX_PER_CODE) {
                    dropped.merge(p.code(), 1L, Long::sum);
                    return;
                }
                n[0]++;
            }
            events.add(p);
        }

        /** @return kind, apiVersion and metadata's name, namespace and uid of an object, as they are in it */
        private static JsonNode identity(JsonNode item) {
            com.fasterxml.jackson.databind.node.ObjectNode slim = com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.objectNode();
            copy(item, slim, "kind");
            copy(item, slim, "apiVersion");
            JsonNode meta = item.get("metadata");
            com.fasterxml.jackson.databind.node.ObjectNode m = slim.putObject("metadata");
            copy(meta, m, "name");
            copy(meta, m, "namespace");
            copy(meta, m, "uid");
            return slim;
        }

        private static void copy(JsonNode from, com.fasterxml.jackson.databind.node.ObjectNode to, String field) {
            JsonNode v = from.get(field);
            if (v != null) {
                to.set(field, v);
            }
        }

        @Override
        public String intern(String s) {
            return strings.intern(s);
        }
    }

    /**
     * The file up to the comma before the cut; then, once the second thread is done, line breaks
     * and spaces that put the list's {@code ]} where the file has it, and the file from there on.
     */
    private final class FirstHalf extends InputStream {
        private final InputStream raw;
        private long pos;
        private long fillerLeft = -1;
        private long spacesLeft;
        private boolean tail;

        FirstHalf(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (tail) {
                return raw.read(b, off, len);
            }
            if (pos < comma) {
                int n = raw.read(b, off, (int) Math.min(len, comma - pos));
                if (n > 0) {
                    pos += n;
                }
                return n;
            }
            if (fillerLeft < 0) {
                arrive();
            }
            int n = 0;
            while (n < len && fillerLeft > 0) {
                b[off + n++] = '\n';
                fillerLeft--;
            }
            while (n < len && fillerLeft == 0 && spacesLeft > 0) {
                b[off + n++] = ' ';
                spacesLeft--;
            }
            if (n < len && fillerLeft == 0 && spacesLeft == 0) {
                tail = true;
                if (n == 0) {
                    return raw.read(b, off, len);
                }
            }
            return n;
        }

        /** At the comma: waits for the second half and decides what comes in its place. */
        private void arrive() throws IOException {
            try {
                half = done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the second half was read");
            } catch (ExecutionException e) {
                throw new Abandoned("the second half failed: " + e.getCause());
            }
            if (half == null) {
                cancel.check();
                throw new Abandoned("the second half was not read to its end");
            }
            Half h = half;
            fillerBreaks = breaks + (long) (h.endLine - FIRST_LINE);
            fillerLeft = fillerBreaks;
            spacesLeft = h.endColumn - 1;
            spliceAt = comma + fillerBreaks + spacesLeft;
            long end = start + h.endOffset - PREFIX.length; // the ] in the file
            raw.skipNBytes(end - pos);
            pos = end;
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    /** Adds the bytes read to a counter. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
