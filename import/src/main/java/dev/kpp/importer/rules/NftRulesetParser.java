package dev.kpp.importer.rules;

import dev.kpp.importer.spi.RuleDumpSummary;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code nft list ruleset}: tables, chains with their rules, and sets/maps with their
 * elements. Counts are kept for kube-proxy's tables ({@code ip kube-proxy}, {@code ip6 kube-proxy})
 * in detail and for all tables in total.
 */
public final class NftRulesetParser {
    private NftRulesetParser() {
    }

    /** @throws ImportException for unbalanced braces (a truncated dump) or a statement outside a table */
    public static RuleDumpSummary parse(String source, Reader reader, Cancellation cancel)
            throws ImportException, IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        Map<String, Long> c = new LinkedHashMap<>();
        String table = null;
        String block = null; // "chain NAME" / "set NAME" / "map NAME"
        int depth = 0;
        boolean inElements = false;
        int tableLine = 0;
        DumpLines lines = new DumpLines(in, cancel, true);
        boolean sawTable = false;
        String t;
        while ((t = lines.next()) != null) {
            int lineNo = lines.lineNo();
            if (inElements) {
                countElements(c, table, block, t);
                if (t.contains("}")) {
                    inElements = false;
                }
                continue;
            }
            if (depth == 0) {
                if (t.startsWith("table ") && t.endsWith("{")) {
                    table = t.substring(6, t.length() - 1).strip();
                    depth = 1;
                    tableLine = lineNo;
                    sawTable = true;
                    c.merge("tables", 1L, Long::sum);
                    continue;
                }
                throw error(source, lineNo, "expected 'table <family> <name> {'");
            }
            if (depth == 1) {
                if (t.equals("}")) {
                    depth = 0;
                    table = null;
                    continue;
                }
                if ((t.startsWith("chain ") || t.startsWith("set ") || t.startsWith("map ")) && t.endsWith("{")) {
                    block = t.substring(0, t.length() - 1).strip();
                    int space = block.indexOf(' ');
                    String kind = block.substring(0, space < 0 ? block.length() : space);
                    if (space < 0) {
                        throw error(source, lineNo, "expected '" + kind + " <name> {': the " + kind
                                + " has no name");
                    }
                    depth = 2;
                    c.merge(prefix(table) + kind + "s", 1L, Long::sum);
                    continue;
                }
                if (t.startsWith("flowtable ") || t.startsWith("counter ") || t.startsWith("ct ")
                        || t.startsWith("quota ") || t.startsWith("limit ") || t.startsWith("comment ")) {
                    if (t.endsWith("{")) {
                        depth = 2;
                        block = "other";
                    }
                    continue;
                }
                throw error(source, lineNo, "unexpected statement in table " + table);
            }
            // depth 2: inside a chain, set or map
            if (t.equals("}")) {
                depth = 1;
                block = null;
                continue;
            }
            if (block.startsWith("chain ")) {
                if (t.startsWith("type ") || t.startsWith("policy ") || t.startsWith("comment ")) {
                    continue;
                }
                c.merge(prefix(table) + "rules", 1L, Long::sum);
                if (isKubeProxy(table)) {
                    c.merge(prefix(table) + "chain/" + block.substring(6).strip(), 1L, Long::sum);
                }
                continue;
            }
            if (block.startsWith("set ") || block.startsWith("map ")) {
                if (t.startsWith("elements = {")) {
                    String rest = t.substring(t.indexOf('{') + 1);
                    countElements(c, table, block, rest);
                    inElements = !rest.contains("}");
                }
                continue;
            }
        }
        if (depth != 0 || inElements) {
            throw error(source, tableLine, "table " + table + " is not closed (truncated dump?)");
        }
        if (!sawTable) {
            throw new ImportException(ImportProblem.error("empty-file", source, "", "no nftables tables in the file"));
        }
        return new RuleDumpSummary(source, "nft", c);
    }

    private static void countElements(Map<String, Long> c, String table, String block, String text) {
        String body = text;
        int close = body.indexOf('}');
        if (close >= 0) {
            body = body.substring(0, close);
        }
        long n = 0;
        for (String part : body.split(",")) {
            if (!part.isBlank()) {
                n++;
            }
        }
        if (n > 0) {
            c.merge(prefix(table) + "elements", n, Long::sum);
            if (isKubeProxy(table)) {
                c.merge(prefix(table) + block.replace(' ', '/'), n, Long::sum);
            }
        }
    }

    private static boolean isKubeProxy(String table) {
        return table != null && table.endsWith(" kube-proxy");
    }

    private static String prefix(String table) {
        return isKubeProxy(table) ? table.replace(' ', '/') + "/" : "";
    }

    private static ImportException error(String source, int line, String detail) {
        return new ImportException(ImportProblem.error("malformed-nft", source, line + ":1", detail));
    }
}
