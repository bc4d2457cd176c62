package dev.kpp.importer.metrics;

import dev.kpp.importer.codec.BoundedLineReader;
import dev.kpp.importer.spi.HistogramSummary;

import dev.kpp.importer.spi.ObservedMetrics;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the Prometheus text exposition format (version 0.0.4) as served by kube-proxy on
 * {@code :10249/metrics} and keeps the {@code kubeproxy_*} series. Histograms are recognised by
 * their {@code # TYPE} line or by {@code _bucket} series with an {@code le} label.
 */
public final class PrometheusTextParser {
    /** Prefix of kube-proxy's metrics (subsystem {@code kubeproxy}). */
    public static final String PREFIX = "kubeproxy_";
    /** Longest line accepted, enforced while reading; longer lines are not metrics text. */
    static final int MAX_LINE = 1 << 20;

    private PrometheusTextParser() {
    }

    /**
     * Parses metrics text.
     *
     * @param source name for messages
     * @param reader the text
     * @param cancel cancellation check
     * @return the kube-proxy series
     * @throws ImportException for a malformed line (names the line and column)
     * @throws IOException     when reading fails
     */
    public static ObservedMetrics parse(String source, Reader reader, Cancellation cancel)
            throws ImportException, IOException {
        return parse(source, reader, cancel, p -> {
        });
    }

    /**
     * Parses metrics text, reporting what is skipped: a kube-proxy sample whose value is NaN, infinite
     * or (for counts) negative is not a measurement, so its series (or, for a histogram, the whole
     * histogram) is dropped with an {@code invalid-value} warning naming the line.
     *
     * @param warnings receives the warnings
     * @throws dev.kpp.importer.codec.LineTooLongException for a line longer than {@link #MAX_LINE}
     */
    public static ObservedMetrics parse(String source, Reader reader, Cancellation cancel,
                                        Consumer<ImportProblem> warnings) throws ImportException, IOException {
        BoundedLineReader in = new BoundedLineReader(reader, MAX_LINE);
        Set<String> histogramNames = new HashSet<>();
        Map<String, double[]> countSum = new HashMap<>();
        Map<String, Map<Double, Double>> buckets = new HashMap<>();
        Map<String, Double> values = new TreeMap<>();
        Set<String> invalid = new HashSet<>();
        long other = 0;
        String line;
        int lineNo = 0;
        boolean sawAny = false;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if ((lineNo & 1023) == 0) {
                cancel.check();
            }
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                String[] parts = t.split("\\s+");
                if (parts.length >= 4 && parts[1].equals("TYPE") && parts[3].equals("histogram")) {
                    histogramNames.add(parts[2]);
                }
                sawAny = true;
                continue;
            }
            Sample s = parseSample(source, t, lineNo);
            sawAny = true;
            if (!s.name.startsWith(PREFIX)) {
                other++;
                continue;
            }
            String base = histogramBase(s.name, histogramNames, s.labels);
            if (base != null) {
                Map<String, String> labels = new TreeMap<>(s.labels);
                String le = labels.remove("le");
                String key = key(base, labels);
                boolean sum = s.name.endsWith("_sum");
                if (!Double.isFinite(s.value) || (!sum && s.value < 0)) {
                    if (invalid.add(key)) {
                        warnings.accept(ImportProblem.warning("invalid-value", source, lineNo + ":1", s.name + ": "
                                + fmt(s.value) + " is not " + (sum ? "a finite sum" : "a count")
                                + "; the histogram " + key + " is skipped"));
                    }
                    continue;
                }
                if (s.name.endsWith("_bucket")) {
                    if (le == null) {
                        throw error(source, lineNo, 1, "histogram bucket without an 'le' label");
                    }
                    double bound = parseNumber(le, source, lineNo);
                    if (Double.isNaN(bound)) {
                        if (invalid.add(key)) {
                            warnings.accept(ImportProblem.warning("invalid-value", source, lineNo + ":1", s.name
                                    + ": le=\"NaN\" is not a bucket bound; the histogram " + key + " is skipped"));
                        }
                        continue;
                    }
                    buckets.computeIfAbsent(key, k -> new TreeMap<>()).put(bound, s.value);
                } else if (sum) {
                    countSum.computeIfAbsent(key, k -> new double[2])[1] = s.value;
                } else {
                    countSum.computeIfAbsent(key, k -> new double[2])[0] = s.value;
                }
                continue;
            }
            if (!Double.isFinite(s.value)) {
                warnings.accept(ImportProblem.warning("invalid-value", source, lineNo + ":1", key(s.name, s.labels)
                        + ": " + fmt(s.value) + " is not a measurement; series skipped"));
                continue;
            }
            values.put(key(s.name, s.labels), s.value);
        }
        if (!sawAny) {
            throw new ImportException(ImportProblem.error("empty-file", source, "", "no metrics in the file"));
        }
        Map<String, HistogramSummary> histograms = new TreeMap<>();
        Set<String> keys = new HashSet<>(countSum.keySet());
        keys.addAll(buckets.keySet());
        keys.removeAll(invalid);
        for (String k : keys) {
            double[] cs = countSum.getOrDefault(k, new double[2]);
            histograms.put(k, new HistogramSummary(cs[0], cs[1], buckets.getOrDefault(k, Map.of())));
        }
        return new ObservedMetrics(source, histograms, values, other);
    }

    private static String histogramBase(String name, Set<String> histogramNames, Map<String, String> labels) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (histogramNames.contains(base) || (suffix.equals("_bucket") && labels.containsKey("le"))) {
                    return base;
                }
            }
        }
        return null;
    }

    /** @return the canonical series key: name{a="x",b="y"} with labels sorted */
    public static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(e.getKey()).append("=\"").append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append('}').toString();
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private static Sample parseSample(String source, String t, int lineNo) throws ImportException {
        int i = 0;
        int n = t.length();
        while (i < n && isNameChar(t.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            throw error(source, lineNo, 1, "expected a metric name, found '" + snippet(t, 0) + "'");
        }
        String name = t.substring(0, i);
        Map<String, String> labels = new TreeMap<>();
        if (i < n && t.charAt(i) == '{') {
            i++;
            while (true) {
                while (i < n && t.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && t.charAt(i) == '}') {
                    i++;
                    break;
                }
                int ks = i;
                while (i < n && isNameChar(t.charAt(i), i == ks)) {
                    i++;
                }
                if (i == ks || i >= n || t.charAt(i) != '=') {
                    throw error(source, lineNo, i + 1, "expected label=\"value\"");
                }
                String k = t.substring(ks, i);
                i++;
                if (i >= n || t.charAt(i) != '"') {
                    throw error(source, lineNo, i + 1, "expected '\"' to open a label value");
                }
                i++;
                StringBuilder v = new StringBuilder();
                while (i < n && t.charAt(i) != '"') {
                    char c = t.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        char e = t.charAt(++i);
                        v.append(e == 'n' ? '\n' : e);
                    } else {
                        v.append(c);
                    }
                    i++;
                }
                if (i >= n) {
                    throw error(source, lineNo, i + 1, "unterminated label value");
                }
                i++;
                labels.put(k, v.toString());
                while (i < n && t.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && t.charAt(i) == ',') {
                    i++;
                } else if (i < n && t.charAt(i) == '}') {
                    i++;
                    break;
                } else {
                    throw error(source, lineNo, i + 1, "expected ',' or '}' in the label set");
                }
            }
        }
        String rest = t.substring(i).strip();
        if (rest.isEmpty()) {
            throw error(source, lineNo, i + 1, "missing sample value");
        }
        String[] parts = rest.split("\\s+");
        if (parts.length > 2) {
            throw error(source, lineNo, i + 1, "unexpected text after the value: '" + snippet(rest, 0) + "'");
        }
        return new Sample(name, labels, parseNumber(parts[0], source, lineNo));
    }

    private static double parseNumber(String s, String source, int lineNo) throws ImportException {
        switch (s) {
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw error(source, lineNo, 1, "not a number: '" + snippet(s, 0) + "'");
                }
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : v == Double.POSITIVE_INFINITY ? "+Inf" : v == Double.NEGATIVE_INFINITY ? "-Inf"
                : Double.toString(v);
    }

    private static boolean isNameChar(char c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (!first && c >= '0' && c <= '9');
    }

    private static String snippet(String s, int from) {
        String r = s.substring(from);
        return r.length() > 40 ? r.substring(0, 40) + "..." : r;
    }

    private static ImportException error(String source, int line, int col, String detail) {
        return new ImportException(ImportProblem.error("malformed-metrics", source, line + ":" + col, detail));
    }
}
