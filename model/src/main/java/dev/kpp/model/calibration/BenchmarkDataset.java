package dev.kpp.model.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The embedded benchmark dataset ({@code dev/kpp/model/calibration/benchmarks.csv}), parsed into
 * typed points. The model module reads only its own classpath resource; {@link #parse(Reader, String)}
 * accepts any copy (tests use edited copies to see fits move).
 */
public final class BenchmarkDataset {
    /** Classpath location of the embedded CSV. */
    public static final String RESOURCE = "/dev/kpp/model/calibration/benchmarks.csv";
    private static final String[] HEADER = {"id", "source_title", "source_url_or_ref", "year", "mode", "metric",
        "unit", "services", "endpoints_total", "endpoints_per_service", "nodes", "conn_rate_per_s",
        "requests_per_conn", "kernel_or_version", "value", "value_low", "value_high", "how_obtained", "notes"};
    private static volatile BenchmarkDataset embedded;

    private static volatile String embeddedSha256;

    private final List<BenchmarkPoint> points;
    private final String origin;
    private final String sha256;

    private BenchmarkDataset(List<BenchmarkPoint> points, String origin, String sha256) {
        this.points = Collections.unmodifiableList(points);
        this.origin = origin;
        this.sha256 = sha256;
    }

    /**
     * The embedded dataset's {@link #sha256()}, computed from the resource's text without parsing it
     * (a cached fit is checked against it before the dataset is needed).
     *
     * @return lower-case hex SHA-256
     */
    public static String embeddedSha256() {
        String h = embeddedSha256;
        if (h == null) {
            try (InputStream in = BenchmarkDataset.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("embedded benchmark dataset missing: " + RESOURCE);
                }
                h = HexFormat.of().formatHex(linesDigest(in.readAllBytes()));
                embeddedSha256 = h;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return h;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The digest {@link #parse} computes, from the bytes: every line as read by {@link BufferedReader#readLine()}
     * (ended by LF, CR or CRLF), each followed by one LF. It equals the line-by-line digest for UTF-8 text (the
     * embedded dataset is; {@code StoredFitTest} checks the two agree), without decoding the text into strings,
     * which every command that restores its calibration does at start (docs/benchmarks.md, "The window, second
     * look").
     *
     * @param text UTF-8 text
     * @return the SHA-256
     */
    static byte[] linesDigest(byte[] text) {
        MessageDigest md = digest();
        int start = 0;
        int i = 0;
        while (i < text.length) {
            byte b = text[i];
            if (b == '\n' || b == '\r') {
                md.update(text, start, i - start);
                md.update((byte) '\n');
                i += b == '\r' && i + 1 < text.length && text[i + 1] == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length) {
            md.update(text, start, text.length - start);
            md.update((byte) '\n');
        }
        return md.digest();
    }

    private static void hashLine(MessageDigest md, String line) {
        md.update(line.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
    }

    /** @return the dataset embedded in the model jar (parsed once) */
    public static BenchmarkDataset embedded() {
        BenchmarkDataset d = embedded;
        if (d == null) {
            synchronized (BenchmarkDataset.class) {
                d = embedded;
                if (d == null) {
                    try (InputStream in = BenchmarkDataset.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("embedded benchmark dataset missing: " + RESOURCE);
                        }
                        d = parse(new InputStreamReader(in, StandardCharsets.UTF_8), "embedded:" + RESOURCE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    embedded = d;
                }
            }
        }
        return d;
    }

    /**
     * Parses a CSV with the dataset's header (RFC 4180 quoting, CRLF or LF).
     *
     * @param reader source
     * @param origin name used in error messages and provenance
     * @return the dataset
     * @throws IllegalArgumentException with origin, line and column for malformed input
     */
    public static BenchmarkDataset parse(Reader reader, String origin) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<BenchmarkPoint> out = new ArrayList<>();
        MessageDigest md = digest();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            hashLine(md, line);
            if (line.isBlank()) {
                continue;
            }
            final int ln = lineNo;
            List<String> f = splitCsv(line, origin, lineNo);
            if (lineNo == 1) {
                for (int i = 0; i < HEADER.length; i++) {
                    if (i >= f.size() || !HEADER[i].equals(f.get(i).replace("\uFEFF", "").trim())) {
                        throw new IllegalArgumentException(origin + ":1: expected column " + (i + 1) + " to be '"
                                + HEADER[i] + "'");
                    }
                }
                continue;
            }
            if (f.size() != HEADER.length) {
                throw new IllegalArgumentException(origin + ":" + lineNo + ": expected " + HEADER.length
                        + " fields, found " + f.size());
            }
            out.add(new BenchmarkPoint(f.get(0), f.get(1), f.get(2), (int) num(f.get(3), origin, lineNo, "year")
                    .orElse(0), f.get(4), f.get(5), f.get(6), num(f.get(7), origin, lineNo, "services"),
                    num(f.get(8), origin, lineNo, "endpoints_total"),
                    num(f.get(9), origin, lineNo, "endpoints_per_service"), num(f.get(10), origin, lineNo, "nodes"),
                    num(f.get(11), origin, lineNo, "conn_rate_per_s"),
                    num(f.get(12), origin, lineNo, "requests_per_conn"), f.get(13),
                    num(f.get(14), origin, lineNo, "value").orElseThrow(() -> new IllegalArgumentException(
                            origin + ":" + ln + ": column 'value' is empty")),
                    num(f.get(15), origin, lineNo, "value_low"), num(f.get(16), origin, lineNo, "value_high"),
                    f.get(17), f.get(18), lineNo));
        }
        return new BenchmarkDataset(out, origin, HexFormat.of().formatHex(md.digest()));
    }

    private static OptionalDouble num(String s, String origin, int line, String column) {
        String t = s.trim();
        if (t.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(origin + ":" + line + ": column '" + column + "' is not a number: '"
                    + t + "'");
        }
    }

    static List<String> splitCsv(String line, String origin, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(origin + ":" + lineNo + ": unterminated quoted field");
        }
        fields.add(cur.toString());
        return fields;
    }

    /** @return all points in file order */
    public List<BenchmarkPoint> points() {
        return points;
    }

    /** @return where the data came from */
    public String origin() {
        return origin;
    }

    /**
     * The dataset's identity: SHA-256 over its lines, each followed by a line feed (so CRLF and LF
     * copies of one table agree). A fit is a function of this text and of kpp's fitting code.
     *
     * @return lower-case hex SHA-256
     */
    public String sha256() {
        return sha256;
    }

    /** @return the points matching a filter */
    public List<BenchmarkPoint> select(Predicate<BenchmarkPoint> filter) {
        return points.stream().filter(filter).toList();
    }

    /** @return the point with this id */
    public Optional<BenchmarkPoint> byId(String id) {
        return points.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
