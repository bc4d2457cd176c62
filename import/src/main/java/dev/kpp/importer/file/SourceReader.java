package dev.kpp.importer.file;

import dev.kpp.importer.codec.LineTooLongException;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.io.IoErrors;
import dev.kpp.importer.metrics.PrometheusTextParser;
import dev.kpp.importer.rules.IptablesSaveParser;
import dev.kpp.importer.rules.IpvsadmParser;
import dev.kpp.importer.rules.NftRulesetParser;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportCancelledException;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.importer.spi.SourceFile;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one input file: hashes and counts its bytes, recognises its content (gzip and tar are
 * unwrapped), and hands it to the right parser. Used by {@link dev.kpp.importer.OfflineImporter}.
 * Regular files are hashed on another thread while they are parsed; standard input ({@code -}) and
 * pipes (process substitution) are hashed as they stream past. Every byte handed to a parser counts
 * against the import's {@link ImportLimits}.
 */
public final class SourceReader {
    /** The path that names standard input. */
    public static final String STDIN = "-";
    /** How much of a file is looked at to recognise its content ({@link SplitRead} never cuts in it). */
    static final int SNIFF = 8192;
    private static final long PROGRESS_STEP = 1 << 20;

    /** What the files produced besides the inventory. */
    public static final class Outputs {
        public final List<ImportProblem> problems = new ArrayList<>();
        public final List<ObservedMetrics> metrics = new ArrayList<>();
        public final List<RuleDumpSummary> ruleDumps = new ArrayList<>();
        public final List<SourceFile> sources = new ArrayList<>();
        public boolean redacted;
        public String snapshotName;
    }

    private final ProgressListener progress;
    private final Cancellation cancel;
    private final long totalBytes;
    private final ImportLimits limits;
    private final Supplier<InputStream> stdin;
    private long doneBefore;
    private long contentBytes;
    /** Collectors whose running counts are reported with progress (the batch and the current file). */
    private InventoryCollector countedAll;
    private InventoryCollector countedFile;
    private Counting current;
    private long fileContent;
    /** The file being read on two cores, or null. */
    private SplitRead split;
    private long splitFrom = SplitRead.MIN_BYTES;
    private double splitShare = SplitRead.FIRST_SHARE;
    private long splitsTaken;
    private long splitsAbandoned;
    private boolean fileCompressed;

    public SourceReader(ProgressListener progress, Cancellation cancel, long totalBytes) {
        this(progress, cancel, totalBytes, ImportLimits.defaults(), () -> System.in);
    }

    /**
     * @param progress   receives bytes read
     * @param cancel     polled every MiB
     * @param totalBytes size of all regular inputs (-1 when unknown)
     * @param limits     bounds on what is read
     * @param stdin      standard input, for the path {@code -}
     */
    public SourceReader(ProgressListener progress, Cancellation cancel, long totalBytes, ImportLimits limits,
                        Supplier<InputStream> stdin) {
        this.progress = progress;
        this.cancel = cancel;
        this.totalBytes = totalBytes;
        this.limits = limits;
        this.stdin = stdin;
    }

    /** Reads a file named explicitly; see {@link #read(Path, boolean, InventoryCollector, Outputs)}. */
    public void read(Path file, InventoryCollector all, Outputs out) {
        read(file, true, all, out);
    }

    /**
     * Reads a file into {@code all} and {@code out}. Problems are recorded, never thrown.
     *
     * @param file     a regular file, a pipe, or {@code -} for standard input
     * @param explicit named by the user (not found by walking a directory): only then is a kpp
     *                 snapshot read (one found in a directory is skipped with {@code skipped-snapshot},
     *                 so a snapshot written into the directory it came from is not counted again)
     * @throws ImportCancelledException when cancelled; what the file held so far is absorbed
     */
    public void read(Path file, boolean explicit, InventoryCollector all, Outputs out) {
        String name = file.toString();
        boolean fromStdin = name.equals(STDIN);
        boolean regular = !fromStdin && Files.isRegularFile(file);
        long size = -1;
        FutureTask<String> hashing = null;
        MessageDigest inline = null;
        if (regular) {
            try {
                size = Files.size(file);
            } catch (IOException e) {
                out.problems.add(ImportProblem.error("read-failed", name, "", IoErrors.reason(e)));
                return;
            }
            // The hash is computed on the other core while this one parses (the file is in the page cache).
            hashing = new FutureTask<>(() -> sha256(file));
            Thread hasher = new Thread(hashing, "kpp-import-hash");
            hasher.setDaemon(true);
            hasher.start();
        } else {
            inline = sha256();
        }
        boolean done = false;
        fileContent = 0;
        fileCompressed = false;
        // a pipe through FileInputStream: the NIO stream's available() seeks, which pipes refuse
        SplitRead split = regular ? planSplit(file, size, name) : null;
        try (InputStream raw = fromStdin ? new NonClosing(stdin.get()) : regular ? Files.newInputStream(file)
                : new java.io.FileInputStream(file.toFile())) {
            List<Unit> units = new ArrayList<>();
            InventoryCollector fileCollector = new InventoryCollector(Parsers.YAML);
            countedAll = all;
            countedFile = fileCollector;
            try {
                if (split == null || !readSplit(file, size, name, split, fileCollector, units, out, explicit)) {
                    if (split != null) {
                        // not cut where the pre-scan guessed: read again from the start, on this thread
                        fileCollector = new InventoryCollector(Parsers.YAML);
                        countedFile = fileCollector;
                        units.clear();
                    }
                    current = new Counting(inline == null ? raw : new DigestInputStream(raw, inline), name);
                    readContent(new BufferedInputStream(current, 1 << 16), name, 0, fileCollector, units, out, true,
                            explicit, false);
                }
            } catch (ImportCancelledException e) {
                all.absorb(fileCollector);
                out.problems.add(ImportProblem.warning("cancelled", name, "", "import cancelled while reading; "
                        + "the inventory holds what was read until then"));
                throw e;
            }
            String hash = inline == null ? hash(hashing) : HexFormat.of().formatHex(inline.digest());
            if (size < 0) {
                size = current.count;
            }
            long dropped = all.absorb(fileCollector);
            if (units.size() == 1 && units.get(0).name.equals(name)) {
                Unit u = units.get(0);
                out.sources.add(new SourceFile(name, u.kind, hash, size, Math.max(0, u.objects - dropped)));
            } else {
                out.sources.add(new SourceFile(name, InputKind.TAR.id(), hash, size,
                        Math.max(0, units.stream().mapToLong(u -> u.objects).sum() - dropped)));
                for (Unit u : units) {
                    out.sources.add(new SourceFile(u.name, u.kind, "", u.bytes, u.objects));
                }
            }
            done = true;
        } catch (ImportException e) {
            out.problems.add(e.problem());
        } catch (LineTooLongException e) {
            out.problems.add(ImportProblem.error("limit-exceeded", name, e.line() + ":1", String.format(Locale.ROOT,
                    "line %,d is longer than %,d characters (lines of rule dumps and metrics text are far shorter; "
                            + "not such a file?)", e.line(), e.limit())));
        } catch (InputLimitException e) {
            out.problems.add(ImportProblem.error("limit-exceeded", name, "", e.getMessage()));
        } catch (java.nio.charset.CharacterCodingException e) {
            // metrics text and rule dumps are read as strict UTF-8 (kubectl dumps and snapshots report the byte)
            out.problems.add(ImportProblem.error("not-utf8", name, "", "the text holds a byte sequence that is not "
                    + "UTF-8; save the dump as UTF-8 (for example with iconv -f latin1 -t utf-8)"));
        } catch (ZipException e) {
            out.problems.add(ImportProblem.error("corrupt-compressed-data", name, "", "gzip data is corrupt: "
                    + e.getMessage()));
        } catch (java.io.EOFException e) {
            out.problems.add(ImportProblem.error("truncated", name, "", "the file ends early (truncated "
                    + "compressed data or archive)"));
        } catch (IOException e) {
            out.problems.add(ImportProblem.error("read-failed", name, "", IoErrors.reason(e)));
        } catch (ImportCancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            // the file's partial inventory is garbage now: say so and go on with the other files
            out.problems.add(ImportProblem.error("out-of-memory", name, "", "reading this file needs more memory "
                    + "than the Java heap allows (raise it with -Xmx, e.g. KPP_JAVA_OPTS=-Xmx2g); other inputs are "
                    + "still read"));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or an input no check anticipated: reject this file, keep the batch going
            out.problems.add(ImportProblem.error("unreadable", name, "", "unexpected failure while reading: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        } finally {
            if (!done && hashing != null) {
                hashing.cancel(true);
            }
            if (split != null) {
                split.abandon(); // when the file could not even be opened, its read-ahead still runs
            }
            doneBefore += size > 0 ? size : current == null ? 0 : current.count;
            current = null;
            countedFile = null;
            progress.progress(doneBefore, totalBytes, ProgressListener.READING, name);
        }
    }

    private record Unit(String name, String kind, long bytes, long objects) {
    }

    /**
     * Files from this size on may be read on two cores ({@link SplitRead}); tests lower it.
     *
     * @param share where the search for the cut begins ({@link SplitRead#FIRST_SHARE} but in tests)
     */
    SourceReader splitFrom(long bytes, double share) {
        splitFrom = bytes;
        splitShare = share;
        return this;
    }

    /** @return files read on two cores, and files planned so but read again serially: for tests */
    long[] splits() {
        return new long[] {splitsTaken, splitsAbandoned};
    }

    private SplitRead planSplit(Path file, long size, String name) {
        SplitRead ahead = splitFrom == SplitRead.MIN_BYTES && splitShare == SplitRead.FIRST_SHARE
                ? SplitRead.takeAhead(file, size, name) : null;
        if (contentBytes + 3 * size > limits.maxTotalBytes()) {
            if (ahead != null) {
                ahead.abandon();
            }
            return null; // the limit is checked on the bytes as they are read: keep that exact
        }
        if (ahead != null) {
            return ahead;
        }
        try {
            return SplitRead.plan(file, size, name, splitFrom, splitShare);
        } catch (IOException e) {
            return null; // the serial read reports it
        }
    }

    /**
     * Reads a JSON List on two cores.
     *
     * @return false when the cut was not at an item boundary or the file has an error (nothing in
     *         {@code c} or {@code units} is to be kept; the caller reads the file again serially, which
     *         reports the error as a serial read does)
     */
    private boolean readSplit(Path file, long size, String name, SplitRead split, InventoryCollector c,
                              List<Unit> units, Outputs out, boolean explicit) throws IOException {
        long contentBefore = contentBytes;
        split.start(cancel);
        this.split = split;
        try (InputStream raw = Files.newInputStream(file)) {
            current = new Counting(split.firstHalf(raw), name, split::secondHalfBytes, size);
            boolean failed = false;
            try {
                readContent(new BufferedInputStream(current, 1 << 16), name, 0, c, units, out, true, explicit, false);
            } catch (ImportException | IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // nothing read is kept: a failure (the file's own error, running out of heap with the
                // second half held) is retried serially, which reports the file's error exactly
                if (e instanceof ImportCancelledException cancelled) {
                    throw cancelled;
                }
                failed = true;
            }
            if (failed || !split.confirmed()) {
                contentBytes = contentBefore;
                fileContent = 0;
                splitsAbandoned++;
                return false;
            }
            splitsTaken++;
            contentBytes = contentBefore + size; // the file's bytes, not the stream's stand-in for the second half
            fileContent = size;
            return true;
        } finally {
            this.split = null;
            split.abandon();
        }
    }

    private void readContent(InputStream in, String name, int depth, InventoryCollector c, List<Unit> units,
                             Outputs out, boolean allowArchive, boolean explicit, boolean metered)
            throws ImportException, IOException {
        byte[] head = new byte[SNIFF];
        in.mark(SNIFF + 1);
        int n = in.readNBytes(head, 0, SNIFF);
        in.reset();
        if (n == 0) {
            throw new ImportException(ImportProblem.error("empty-file", name, "", "the file is empty"));
        }
        InputKind kind = InputKind.sniff(head, n, name);
        if (kind == InputKind.GZIP) {
            if (depth > 1) {
                throw new ImportException(ImportProblem.error("nested-compression", name, "",
                        "gzip inside gzip more than twice"));
            }
            fileCompressed = true;
            GZIPInputStream gz = new GZIPInputStream(in, 1 << 16);
            readContent(new BufferedInputStream(gz, 1 << 16), name, depth + 1, c, units, out, allowArchive, explicit,
                    false);
            return;
        }
        if (!metered) {
            in = new BufferedInputStream(new Metered(in), 1 << 16); // tar members were counted with their archive
        }
        if (kind == InputKind.TAR) {
            if (!allowArchive) {
                throw new ImportException(ImportProblem.error("nested-archive", name, "", "tar inside tar"));
            }
            readTar(in, name, c, units, out, explicit);
            return;
        }
        if (isBlank(head, n)) {
            // only whitespace in the first 8 KiB: look further before calling it empty
            if (n < SNIFF) {
                throw new ImportException(ImportProblem.error("empty-file", name, "", "the file holds only whitespace"));
            }
        }
        int bin = InputKind.firstBinaryByte(head, n);
        if (bin >= 0) {
            throw new ImportException(ImportProblem.error("binary-file", name, "byte " + bin,
                    String.format("not a text file: byte 0x%02x at offset %d (expected JSON, YAML, metrics text or a "
                            + "rule dump; gzip and tar are unpacked automatically)", head[bin] & 0xff, bin)));
        }
        long before = c.objects();
        long skippedBefore = skipped(c);
        int problemsBefore = c.problems().size();
        List<ImportProblem> warnings = new ArrayList<>();
        switch (kind) {
            case KUBECTL_JSON -> KubeDumpReader.read(in, false, name, c, cancel, depth == 0 ? split : null);
            case KUBECTL_YAML -> KubeDumpReader.read(in, true, name, c, cancel);
            case SNAPSHOT -> {
                if (!explicit) {
                    throw new ImportException(ImportProblem.warning("skipped-snapshot", name, "", "a kpp snapshot "
                            + "found in a directory is not read again (name it to import it)"));
                }
                Snapshot s = SnapshotCodec.read(in, name, cancel);
                c.addInventory(s.inventory(), name);
                s.skippedKinds().forEach((k, v) -> c.skippedKinds().merge(k, v, Long::sum));
                out.metrics.addAll(s.metrics());
                out.ruleDumps.addAll(s.ruleDumps());
                out.redacted |= s.provenance().redacted();
                out.snapshotName = s.inventory().name();
            }
            case METRICS -> out.metrics.add(PrometheusTextParser.parse(name, text(in), cancel, warnings::add));
            case IPTABLES_SAVE -> out.ruleDumps.add(IptablesSaveParser.parse(name, text(in), cancel).summary());
            case IPVSADM -> out.ruleDumps.add(IpvsadmParser.parse(name, text(in), cancel, warnings::add));
            case NFT -> out.ruleDumps.add(NftRulesetParser.parse(name, text(in), cancel));
            default -> throw new IllegalStateException(kind.toString());
        }
        warnings.forEach(c::problem);
        boolean dump = kind == InputKind.KUBECTL_JSON || kind == InputKind.KUBECTL_YAML;
        long objects = dump || kind == InputKind.SNAPSHOT ? c.objects() - before : 1;
        if (dump && objects == 0) {
            ImportProblem notObject = null;
            for (ImportProblem p : c.problems().subList(problemsBefore, c.problems().size())) {
                if (p.code().equals("not-an-object") || p.code().equals("missing-kind")) {
                    notObject = p;
                    break;
                }
            }
            if (notObject != null && skipped(c) == skippedBefore) {
                throw new ImportException(ImportProblem.error("not-kubernetes", name, notObject.location(),
                        "no Kubernetes objects in the file (expected kubectl get ... -o json|yaml output); first: "
                                + notObject.detail()));
            }
            c.problem(ImportProblem.warning("no-objects", name, "", "no Services, EndpointSlices, Endpoints, Nodes, "
                    + "Namespaces, NetworkPolicies or kube-proxy ConfigMap found"));
        }
        units.add(new Unit(name, kind.id(), -1, objects));
    }

    private static long skipped(InventoryCollector c) {
        long n = 0;
        for (long v : c.skippedKinds().values()) {
            n += v;
        }
        return n;
    }

    private void readTar(InputStream in, String name, InventoryCollector c, List<Unit> units, Outputs out,
                         boolean explicit) throws IOException, ImportException {
        TarReader tar = new TarReader(in, name);
        TarReader.Entry e;
        int members = 0;
        TarReader.Skipped skipped = (member, what) -> out.problems.add(ImportProblem.warning("skipped-member",
                name + "!/" + member, "", "the archive member is " + what + ", not a regular file; skipped"));
        while ((e = tar.next(skipped)) != null) {
            cancel.check();
            String member = name + "!/" + e.name();
            InventoryCollector mc = new InventoryCollector(Parsers.YAML);
            List<Unit> mu = new ArrayList<>();
            Outputs mo = new Outputs();
            try {
                if (e.size() == 0) {
                    throw new ImportException(ImportProblem.error("empty-file", member, "", "the file is empty"));
                }
                readContent(new BufferedInputStream(e.content(), 1 << 16), member, 0, mc, mu, mo, false, explicit, true);
                c.absorb(mc);
                out.metrics.addAll(mo.metrics);
                out.ruleDumps.addAll(mo.ruleDumps);
                out.redacted |= mo.redacted;
                out.problems.addAll(mo.problems);
                for (Unit u : mu) {
                    units.add(new Unit(u.name, u.kind, e.size(), u.objects));
                }
            } catch (ImportException ex) {
                out.problems.add(ex.problem());
            } catch (LineTooLongException ex) {
                out.problems.add(ImportProblem.error("limit-exceeded", member, ex.line() + ":1", String.format(
                        Locale.ROOT, "line %,d is longer than %,d characters", ex.line(), ex.limit())));
            }
            members++;
        }
        if (members == 0) {
            throw new ImportException(ImportProblem.error("empty-archive", name, "", "the tar archive has no files"));
        }
    }

    private static boolean isBlank(byte[] head, int n) {
        for (int i = 0; i < n; i++) {
            byte b = head[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static Reader text(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // digest everything
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String hash(FutureTask<String> hashing) throws IOException {
        try {
            return hashing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("hashing failed", cause);
        }
    }

    /**
     * Counts the bytes handed to a parser (after decompression) against the import's total and,
     * for a compressed file, against its expansion limit.
     */
    private final class Metered extends FilterInputStream {
        Metered(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int r = super.read();
            if (r >= 0) {
                count(1);
            }
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count(r);
            }
            return r;
        }

        private void count(long n) throws InputLimitException {
            contentBytes += n;
            fileContent += n;
            if (contentBytes > limits.maxTotalBytes()) {
                throw new InputLimitException(String.format(Locale.ROOT, "more than %,d bytes of input in total "
                        + "after decompression (the import's limit; kpp import --max-input-bytes raises it)",
                        limits.maxTotalBytes()));
            }
            if (fileCompressed && fileContent > ImportLimits.EXPANSION_CHECKED_AFTER && current != null
                    && fileContent > limits.maxExpansion() * Math.max(1, current.count)) {
                throw new InputLimitException(String.format(Locale.ROOT, "the compressed file expands more than "
                        + "%,.0f times (%,d bytes from %,d; a compression bomb?); kpp import --max-expansion raises "
                        + "the limit", limits.maxExpansion(), fileContent, current.count));
            }
        }
    }

    /** Counts raw bytes for progress and polls cancellation every megabyte. */
    private final class Counting extends FilterInputStream {
        private long count;
        private long lastReport;
        private final String name;
        private final java.util.function.LongSupplier elsewhere;
        private final long size;

        Counting(InputStream in, String name) {
            this(in, name, () -> 0, Long.MAX_VALUE);
        }

        /**
         * @param elsewhere bytes of the file read by another thread
         * @param size      the file's size, which the progress does not pass
         */
        Counting(InputStream in, String name, java.util.function.LongSupplier elsewhere, long size) {
            super(in);
            this.name = name;
            this.elsewhere = elsewhere;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            int r = super.read();
            if (r >= 0) {
                advance(1);
            }
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                advance(r);
            }
            return r;
        }

        private void advance(long n) {
            count += n;
            if (count - lastReport >= PROGRESS_STEP) {
                lastReport = count;
                cancel.check();
                progress.progress(doneBefore + Math.min(size, count + elsewhere.getAsLong()), totalBytes,
                        ProgressListener.READING, name);
                if (countedAll != null && countedFile != null) {
                    progress.counts(countedAll.serviceCount() + countedFile.serviceCount(),
                            countedAll.endpointSliceCount() + countedFile.endpointSliceCount(),
                            countedAll.nodeCount() + countedFile.nodeCount());
                }
            }
        }
    }

    /** Standard input stays open for the caller. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // not ours to close
        }
    }
}
