package dev.kpp.importer.rules;

import dev.kpp.importer.spi.RuleDumpSummary;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code ipvsadm -Ln} (numeric listing): a header, then virtual servers
 * ({@code TCP  10.96.0.1:443 rr}, {@code UDP}, {@code SCTP}, {@code FWM}) each followed by its
 * real servers ({@code  -> 10.244.0.5:6443  Masq  1  0  0}).
 */
public final class IpvsadmParser {
    private IpvsadmParser() {
    }

    /** @throws ImportException for a real server before any virtual server or an unknown line */
    public static RuleDumpSummary parse(String source, Reader reader, Cancellation cancel)
            throws ImportException, IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("virtualServers", 0L);
        c.put("realServers", 0L);
        long maxReal = 0;
        long currentReal = 0;
        boolean inVirtual = false;
        boolean sawHeader = false;
        DumpLines lines = new DumpLines(in, cancel, false);
        String t;
        while ((t = lines.next()) != null) {
            int lineNo = lines.lineNo();
            if (t.startsWith("IP Virtual Server version") || t.startsWith("Prot LocalAddress")
                    || t.startsWith("-> RemoteAddress")) {
                sawHeader = true;
                continue;
            }
            if (t.startsWith("->")) {
                if (!inVirtual) {
                    throw error(source, lineNo, "real server before any virtual server");
                }
                c.merge("realServers", 1L, Long::sum);
                currentReal++;
                maxReal = Math.max(maxReal, currentReal);
                continue;
            }
            String[] parts = t.split("\\s+");
            String proto = parts[0].toUpperCase(Locale.ROOT);
            if (parts.length >= 2 && (proto.equals("TCP") || proto.equals("UDP") || proto.equals("SCTP")
                    || proto.equals("FWM"))) {
                inVirtual = true;
                currentReal = 0;
                c.merge("virtualServers", 1L, Long::sum);
                c.merge("virtualServers/" + proto, 1L, Long::sum);
                if (parts[1].startsWith("[")) {
                    c.merge("virtualServers/ipv6", 1L, Long::sum);
                }
                continue;
            }
            throw error(source, lineNo, "unexpected line '" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'");
        }
        if (!sawHeader && c.get("virtualServers") == 0) {
            throw new ImportException(ImportProblem.error("empty-file", source, "", "no IPVS listing in the file"));
        }
        c.put("maxRealServersPerVirtual", maxReal);
        return new RuleDumpSummary(source, "ipvsadm", c);
    }

    private static ImportException error(String source, int line, String detail) {
        return new ImportException(ImportProblem.error("malformed-ipvsadm", source, line + ":1", detail));
    }
}
