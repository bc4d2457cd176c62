package dev.kpp.importer.rules;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code iptables-save} output: {@code *table}, {@code :CHAIN POLICY [packets:bytes]},
 * {@code -A CHAIN args}, {@code COMMIT}; comments ({@code #}) are ignored. Arguments are split like
 * a shell would (double quotes group, backslash escapes), which is how iptables-save quotes
 * comments.
 */
public final class IptablesSaveParser {
    private IptablesSaveParser() {
    }

    /**
     * @throws ImportException for a line outside a table, an unknown directive, unbalanced quotes or
     *                         a table without COMMIT (a truncated dump); names the line
     */
    public static IptablesDump parse(String source, Reader reader, Cancellation cancel)
            throws ImportException, IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        IptablesDump dump = new IptablesDump(source);
        String table = null;
        int tableLine = 0;
        DumpLines lines = new DumpLines(in, cancel, true);
        boolean sawTable = false;
        String t;
        while ((t = lines.next()) != null) {
            int lineNo = lines.lineNo();
            if (t.startsWith("*")) {
                if (table != null) {
                    throw error(source, lineNo, "table '" + t.substring(1) + "' starts before table '" + table
                            + "' (line " + tableLine + ") was committed");
                }
                table = t.substring(1).strip();
                tableLine = lineNo;
                sawTable = true;
                continue;
            }
            if (table == null) {
                throw error(source, lineNo, "'" + snippet(t) + "' outside a table (expected '*nat', '*filter'...)");
            }
            if (t.equals("COMMIT")) {
                table = null;
                continue;
            }
            if (t.startsWith(":")) {
                String[] parts = t.substring(1).split("\\s+");
                dump.declareChain(table, parts[0], parts.length > 1 ? parts[1] : "-");
                continue;
            }
            if (t.startsWith("-A ") || t.startsWith("-I ")) {
                List<String> tokens = tokenize(t, source, lineNo);
                if (tokens.size() < 2) {
                    throw error(source, lineNo, "rule without a chain");
                }
                String chain = tokens.get(1);
                List<String> args = tokens.subList(2, tokens.size());
                String target = "";
                boolean isGoto = false;
                for (int i = 0; i + 1 < args.size(); i++) {
                    if (args.get(i).equals("-j") || args.get(i).equals("--jump")) {
                        target = args.get(i + 1);
                    } else if (args.get(i).equals("-g") || args.get(i).equals("--goto")) {
                        target = args.get(i + 1);
                        isGoto = true;
                    }
                }
                dump.addRule(table, new IptablesRule(chain, args, target, isGoto, lineNo));
                continue;
            }
            throw error(source, lineNo, "unexpected line '" + snippet(t) + "'");
        }
        if (table != null) {
            throw error(source, tableLine, "table '" + table + "' has no COMMIT (truncated dump?)");
        }
        if (!sawTable) {
            throw new ImportException(ImportProblem.error("empty-file", source, "", "no iptables tables in the file"));
        }
        return dump;
    }

    static List<String> tokenize(String line, String source, int lineNo) throws ImportException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                any = true;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                any = true;
            } else if (Character.isWhitespace(c) && !inQuotes) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (inQuotes) {
            throw error(source, lineNo, "unbalanced double quote");
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String snippet(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static ImportException error(String source, int line, String detail) {
        return new ImportException(ImportProblem.error("malformed-iptables-save", source, line + ":1", detail));
    }
}
