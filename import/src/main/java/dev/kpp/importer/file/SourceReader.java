package dev.kpp.importer.file;

import dev.kpp.importer.codec.Parsers;

import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.metrics.PrometheusTextParser;
import dev.kpp.importer.rules.IptablesSaveParser;
import dev.kpp.importer.rules.IpvsadmParser;
import dev.kpp.importer.rules.NftRulesetParser;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportCancelledException;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ProgressListener;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one input file: hashes and counts its bytes, recognises its content (gzip and tar are
 * unwrapped), and hands it to the right parser. Used by {@link dev.kpp.importer.OfflineImporter}.
 */
public final class SourceReader {
    private static final int SNIFF = 8192;
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
    private long doneBefore;

    public SourceReader(ProgressListener progress, Cancellation cancel, long totalBytes) {
        this.progress = progress;
        this.cancel = cancel;
        this.totalBytes = totalBytes;
    }

    /**
     * Reads a file into {@code all} and {@code out}. Problems are recorded, never thrown.
     *
     * @throws ImportCancelledException when cancelled; what the file held so far is absorbed
     */
    /** Collectors whose running counts are reported with progress (the batch and the current file). */
    private InventoryCollector countedAll;
    private InventoryCollector countedFile;

    public void read(Path file, InventoryCollector all, Outputs out) {
        String name = file.toString();
        // The hash is computed on the other core while this one parses (the file is in the page cache).
        FutureTask<String> hashing = new FutureTask<>(() -> sha256(file));
        Thread hasher = new Thread(hashing, "kpp-import-hash");
        hasher.setDaemon(true);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            out.problems.add(ImportProblem.error("read-failed", name, "", String.valueOf(e.getMessage())));
            return;
        }
        hasher.start();
        Counting counting;
        try (InputStream raw = Files.newInputStream(file)) {
            counting = new Counting(raw, name);
            InputStream in = new BufferedInputStream(counting, 1 << 16);
            List<Unit> units = new ArrayList<>();
            InventoryCollector fileCollector = new InventoryCollector(Parsers.YAML);
            countedAll = all;
            countedFile = fileCollector;
            try {
                readContent(in, name, 0, fileCollector, units, out, true);
            } catch (ImportCancelledException e) {
                all.absorb(fileCollector);
                out.problems.add(ImportProblem.warning("cancelled", name, "", "import cancelled while reading; "
                        + "the inventory holds what was read until then"));
                throw e;
            }
            String hash = hash(hashing);
            all.absorb(fileCollector);
            if (units.size() == 1 && units.get(0).name.equals(name)) {
                Unit u = units.get(0);
                out.sources.add(new SourceFile(name, u.kind, hash, size, u.objects));
            } else {
                out.sources.add(new SourceFile(name, InputKind.TAR.id(), hash, size,
                        units.stream().mapToLong(u -> u.objects).sum()));
                for (Unit u : units) {
                    out.sources.add(new SourceFile(u.name, u.kind, "", u.bytes, u.objects));
                }
            }
        } catch (ImportException e) {
            out.problems.add(e.problem());
        } catch (ZipException e) {
            out.problems.add(ImportProblem.error("corrupt-compressed-data", name, "", "gzip data is corrupt: "
                    + e.getMessage()));
        } catch (java.io.EOFException e) {
            out.problems.add(ImportProblem.error("truncated", name, "", "the file ends early (truncated "
                    + "compressed data or archive): " + e.getMessage()));
        } catch (IOException e) {
            out.problems.add(ImportProblem.error("read-failed", name, "", String.valueOf(e.getMessage())));
        } catch (ImportCancelledException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or an input no check anticipated: reject this file, keep the batch going
            out.problems.add(ImportProblem.error("unreadable", name, "", e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
        } finally {
            doneBefore += size;
            progress.progress(doneBefore, totalBytes, ProgressListener.READING, name);
        }
    }

    private record Unit(String name, String kind, long bytes, long objects) {
    }

    private void readContent(InputStream in, String name, int depth, InventoryCollector c, List<Unit> units,
                             Outputs out, boolean allowArchive) throws ImportException, IOException {
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
            GZIPInputStream gz = new GZIPInputStream(in, 1 << 16);
            readContent(new BufferedInputStream(gz, 1 << 16), name, depth + 1, c, units, out, allowArchive);
            return;
        }
        if (kind == InputKind.TAR) {
            if (!allowArchive) {
                throw new ImportException(ImportProblem.error("nested-archive", name, "", "tar inside tar"));
            }
            readTar(in, name, c, units, out);
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
        switch (kind) {
            case KUBECTL_JSON -> KubeDumpReader.read(in, false, name, c, cancel);
            case KUBECTL_YAML -> KubeDumpReader.read(in, true, name, c, cancel);
            case SNAPSHOT -> {
                Snapshot s = SnapshotCodec.read(in, name, cancel);
                c.addInventory(s.inventory());
                s.skippedKinds().forEach((k, v) -> c.skippedKinds().merge(k, v, Long::sum));
                out.metrics.addAll(s.metrics());
                out.ruleDumps.addAll(s.ruleDumps());
                out.redacted |= s.provenance().redacted();
                out.snapshotName = s.inventory().name();
            }
            case METRICS -> out.metrics.add(PrometheusTextParser.parse(name, text(in), cancel));
            case IPTABLES_SAVE -> out.ruleDumps.add(IptablesSaveParser.parse(name, text(in), cancel).summary());
            case IPVSADM -> out.ruleDumps.add(IpvsadmParser.parse(name, text(in), cancel));
            case NFT -> out.ruleDumps.add(NftRulesetParser.parse(name, text(in), cancel));
            default -> throw new IllegalStateException(kind.toString());
        }
        long objects = kind == InputKind.KUBECTL_JSON || kind == InputKind.KUBECTL_YAML || kind == InputKind.SNAPSHOT
                ? c.objects() - before : 1;
        if ((kind == InputKind.KUBECTL_JSON || kind == InputKind.KUBECTL_YAML) && objects == 0) {
            c.problem(ImportProblem.warning("no-objects", name, "", "no Services, EndpointSlices, Endpoints, Nodes, "
                    + "Namespaces, NetworkPolicies or kube-proxy ConfigMap found"));
        }
        units.add(new Unit(name, kind.id(), -1, objects));
    }

    private void readTar(InputStream in, String name, InventoryCollector c, List<Unit> units, Outputs out)
            throws IOException, ImportException {
        TarReader tar = new TarReader(in);
        TarReader.Entry e;
        int members = 0;
        while ((e = tar.next()) != null) {
            cancel.check();
            String member = name + "!/" + e.name();
            InventoryCollector mc = new InventoryCollector(Parsers.YAML);
            List<Unit> mu = new ArrayList<>();
            Outputs mo = new Outputs();
            try {
                if (e.size() == 0) {
                    throw new ImportException(ImportProblem.error("empty-file", member, "", "the file is empty"));
                }
                readContent(new BufferedInputStream(e.content(), 1 << 16), member, 0, mc, mu, mo, false);
                c.absorb(mc);
                out.metrics.addAll(mo.metrics);
                out.ruleDumps.addAll(mo.ruleDumps);
                out.redacted |= mo.redacted;
                for (Unit u : mu) {
                    units.add(new Unit(u.name, u.kind, e.size(), u.objects));
                }
            } catch (ImportException ex) {
                out.problems.add(ex.problem());
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

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
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
            throw new IOException("hashing failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Counts raw bytes for progress and polls cancellation every megabyte. */
    private final class Counting extends FilterInputStream {
        private long count;
        private long lastReport;
        private final String name;

        Counting(InputStream in, String name) {
            super(in);
            this.name = name;
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
                progress.progress(doneBefore + count, totalBytes, ProgressListener.READING, name);
                if (countedAll != null && countedFile != null) {
                    progress.counts(countedAll.serviceCount() + countedFile.serviceCount(),
                            countedAll.endpointSliceCount() + countedFile.endpointSliceCount(),
                            countedAll.nodeCount() + countedFile.nodeCount());
                }
            }
        }
    }
}
