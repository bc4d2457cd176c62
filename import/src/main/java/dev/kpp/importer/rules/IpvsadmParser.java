package dev.kpp.importer.rules;

import dev.kpp.importer.codec.IpLiterals;
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
import java.util.function.Consumer;

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
        return parse(source, reader, cancel, p -> {
        });
    }

    /**
     * Parses, skipping (with an {@code invalid-value} warning) servers whose address is not an IP
     * address or whose port is not 0..65535: the kernel never lists such a server, so the line was
     * edited or corrupted. A skipped virtual server's real servers are skipped with it.
     *
     * @param warnings receives the warnings
     * @throws ImportException for a real server before any virtual server or an unknown line
     */
    public static RuleDumpSummary parse(String source, Reader reader, Cancellation cancel,
                                        Consumer<ImportProblem> warnings) throws ImportException, IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("virtualServers", 0L);
        c.put("realServers", 0L);
        long maxReal = 0;
        long currentReal = 0;
        boolean inVirtual = false;
        boolean skipping = false;
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
                if (skipping) {
                    continue;
                }
                String[] rs = t.substring(2).strip().split("\\s+");
                String bad = badAddress(rs[0]);
                if (bad != null) {
                    warnings.accept(ImportProblem.warning("invalid-value", source, lineNo + ":1", "real server '"
                            + snippet(rs[0]) + "': " + bad + "; not counted"));
                    continue;
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
                String bad = proto.equals("FWM") ? badMark(parts[1]) : badAddress(parts[1]);
                skipping = bad != null;
                if (skipping) {
                    warnings.accept(ImportProblem.warning("invalid-value", source, lineNo + ":1", "virtual server '"
                            + snippet(parts[1]) + "': " + bad + "; it and its real servers are not counted"));
                    continue;
                }
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

    /** @return what is wrong with {@code ip:port} or {@code [ipv6]:port}, or null */
    private static String badAddress(String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon <= 0) {
            return "expected ADDRESS:PORT";
        }
        String ip = addr.substring(0, colon);
        String port = addr.substring(colon + 1);
        boolean v6 = ip.startsWith("[") && ip.endsWith("]");
        String bare = v6 ? ip.substring(1, ip.length() - 1) : ip;
        if (!(v6 ? IpLiterals.isIpv6(bare) : IpLiterals.isIpv4(bare))) {
            return "'" + snippet(ip) + "' is not an IP address";
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            return "port '" + snippet(port) + "' is not a number";
        }
        if (p < 0 || p > 65535) {
            return "port " + p + " is out of range 0..65535";
        }
        return null;
    }

    private static String badMark(String mark) {
        try {
            long m = Long.decode(mark);
            return m >= 0 && m <= 0xffffffffL ? null : "firewall mark " + mark + " is out of range";
        } catch (NumberFormatException e) {
            return "firewall mark '" + snippet(mark) + "' is not a number";
        }
    }

    private static String snippet(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static ImportException error(String source, int line, String detail) {
        return new ImportException(ImportProblem.error("malformed-ipvsadm", source, line + ":1", detail));
    }
}
