package dev.kpp.importer.fuzz;

import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointInfo;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.ServiceInfo;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every fuzz target checks: a parser either returns a result whose size is bounded by its
 * input, or rejects the input with an {@link ImportException} whose problem names the file and a
 * stable code. Any other throwable (a RuntimeException, an IOException from in-memory input, a
 * StackOverflowError, an OutOfMemoryError) escapes the target and is a finding.
 */
final class FuzzContract {
    /** The file name the targets pass to the parsers; problems must carry it. */
    static final String SOURCE = "fuzz-input";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*");

    /** How far the importer looks for binary bytes before it picks a parser. */
    private static final int SNIFF = 8192;

    private FuzzContract() {
    }

    /**
     * True when a file with these bytes reaches a parser: the importer rejects a file whose first
     * 8 KiB hold a NUL or another C0 control byte other than tab, LF, CR, FF and ESC as
     * {@code binary-file} before any parser runs. The line-based targets (metrics, rule dumps)
     * fuzz what files can reach; the JSON/YAML and snapshot targets and {@link ImportFileFuzzTest}
     * take raw bytes.
     */
    static boolean reachesParser(byte[] input) {
        for (int i = 0, n = Math.min(input.length, SNIFF); i < n; i++) {
            int b = input[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                return false;
            }
        }
        return true;
    }

    /** Checks that a rejection is the importer's own, well-formed error. */
    static void rejected(ImportException e) {
        ImportProblem p = e.problem();
        if (p == null) {
            throw new AssertionError("ImportException without a problem", e);
        }
        if (p.severity() != ImportProblem.Severity.ERROR) {
            throw new AssertionError("a rejection must be an ERROR, was " + p.severity() + ": " + p.describe(), e);
        }
        if (!CODE.matcher(p.code()).matches()) {
            throw new AssertionError("problem code is not a stable kebab-case code: '" + p.code() + "'", e);
        }
        if (!p.source().equals(SOURCE)) {
            throw new AssertionError("problem names '" + p.source() + "', not the file '" + SOURCE + "'", e);
        }
    }

    /** Checks the problems an accepted file produced (warnings for skipped objects). */
    static void problemsWellFormed(Iterable<ImportProblem> problems) {
        for (ImportProblem p : problems) {
            if (!CODE.matcher(p.code()).matches()) {
                throw new AssertionError("problem code is not a stable kebab-case code: '" + p.code() + "'");
            }
        }
    }

    /**
     * The memory bound: every service, slice, node, endpoint, port and address needs at least one
     * byte of its own text, so an inventory with more of them than the input has bytes was
     * amplified (an alias or reference expanded), which a hostile file could use to exhaust memory.
     */
    static void bounded(ClusterInventory inv, int inputBytes) {
        long n = (long) inv.services().size() + inv.endpointSlices().size() + inv.nodes().size();
        for (ServiceInfo s : inv.services()) {
            n += s.ports().size() + s.clusterIPs().size() + s.externalIPs().size();
        }
        for (EndpointSliceInfo s : inv.endpointSlices()) {
            n += s.ports().size() + s.endpoints().size();
            for (EndpointInfo e : s.endpoints()) {
                n += e.addresses().size();
            }
        }
        atMost("inventory objects", n, inputBytes);
    }

    /** The same bound for metrics: each series and bucket needs a line of its own. */
    static void bounded(ObservedMetrics m, int inputBytes) {
        long n = m.values().size() + m.histograms().size();
        for (var h : m.histograms().values()) {
            n += h.buckets().size();
        }
        atMost("metric series and buckets", n, inputBytes);
    }

    /**
     * Rule-dump counts are counts of lines or elements: never negative, never above the input size.
     * A {@code ...Milli} figure is a mean in thousandths (the walked rules per connection), bounded by
     * the input size times a thousand.
     */
    static void bounded(RuleDumpSummary s, int inputBytes) {
        for (Map.Entry<String, Long> e : s.counts().entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new AssertionError("count " + e.getKey() + " = " + e.getValue());
            }
            long n = e.getKey().endsWith("Milli") ? (e.getValue() + 999) / 1000 : e.getValue();
            atMost("count " + e.getKey(), n, inputBytes);
        }
    }

    static void atMost(String what, long n, int inputBytes) {
        if (n > Math.max(1, inputBytes)) {
            throw new AssertionError(what + ": " + n + " from " + inputBytes + " input bytes");
        }
    }
}
