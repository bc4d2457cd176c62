package dev.kpp.importer.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks the first packet of a new connection through the chains of an iptables dump and counts the
 * rules it is compared against. Matching understands what kube-proxy writes ({@code -s/-d} with
 * CIDRs, {@code -p}, {@code --dport}, {@code addrtype}, {@code mark}, {@code conntrack --ctstate},
 * {@code statistic --probability}, {@code recent}); other matches are assumed to match.
 * {@code statistic} rules split the walk into weighted branches, so results are exact expectations
 * over kube-proxy's uniform endpoint choice.
 */
public final class IptablesWalker {
    private static final int MARK_MASQ = 0x4000;
    private static final int MAX_DEPTH = 64;
    private static final Set<String> TERMINAL = Set.of("ACCEPT", "DROP", "REJECT", "DNAT", "SNAT", "MASQUERADE",
            "REDIRECT");

    private final IptablesDump dump;
    /**
     * Most rule evaluations one walker may take over all its walks: a walk of kube-proxy's rules stops at its
     * Service's rule, about halfway down KUBE-SERVICES (a sixteenth to a half of the dump's rules), and visits
     * each endpoint's few rules once, so the at most {@link IptablesDump#MAX_WALKED_PORTS} walks of a real dump
     * stay well below 128 times its rules; probability rules that branch inside chains of jumps would otherwise
     * grow without bound.
     */
    private final long budget;
    private long steps;

    public IptablesWalker(IptablesDump dump) {
        this.dump = dump;
        long rules = 0;
        for (String table : dump.tables()) {
            rules += dump.ruleCount(table);
        }
        this.budget = 128 * rules + 100_000;
    }

    /**
     * The first packet of a connection.
     *
     * @param srcIp    source address
     * @param srcLocal source is a local address of the node
     * @param dstIp    destination address
     * @param dstLocal destination is a local address of the node (NodePorts)
     * @param protocol tcp, udp or sctp
     * @param dport    destination port
     */
    public record Packet(String srcIp, boolean srcLocal, String dstIp, boolean dstLocal, String protocol, int dport) {
    }

    /**
     * One way the walk can end.
     *
     * @param probability share of connections taking this way
     * @param rules       rules evaluated
     * @param verdict     terminal target (DNAT, REJECT...), or "" when the packet left the hook chain
     * @param dnatTo      DNAT destination ("ip:port"), or ""
     * @param marked      the masquerade mark (0x4000) is set
     */
    public record Branch(double probability, long rules, String verdict, String dnatTo, boolean marked) {
    }

    /** Branches of a walk, with helpers for expectations. */
    public record Walk(List<Branch> branches) {
        public Walk {
            branches = List.copyOf(branches);
        }

        /** @return expected rules evaluated */
        public double meanRules() {
            double m = 0;
            for (Branch b : branches) {
                m += b.probability() * b.rules();
            }
            return m;
        }

        /** @return share of connections that end in the verdict */
        public double share(String verdict) {
            double p = 0;
            for (Branch b : branches) {
                if (b.verdict().equals(verdict)) {
                    p += b.probability();
                }
            }
            return p;
        }
    }

    private static final class State {
        double prob;
        long rules;
        int mark;
        String verdict = "";
        String dnatTo = "";
        boolean terminated;
        final boolean dnatted;
        final Packet packet;

        State(Packet packet, int mark, boolean dnatted) {
            this.packet = packet;
            this.mark = mark;
            this.dnatted = dnatted;
            this.prob = 1;
        }

        State copy() {
            State s = new State(packet, mark, dnatted);
            s.prob = prob;
            s.rules = rules;
            s.verdict = verdict;
            s.dnatTo = dnatTo;
            s.terminated = terminated;
            return s;
        }
    }

    /**
     * Walks a packet from a built-in chain (e.g. nat PREROUTING).
     *
     * @param table   table
     * @param chain   hook chain
     * @param packet  the packet
     * @param marked  the masquerade mark is already set
     * @param dnatted the connection was DNATed (conntrack state DNAT, for filter chains after nat)
     * @return every way the walk ends, with its probability
     */
    public Walk walk(String table, String chain, Packet packet, boolean marked, boolean dnatted) {
        List<State> out = run(table, chain, 0, new State(packet, marked ? MARK_MASQ : 0, dnatted), 0);
        List<Branch> branches = new ArrayList<>();
        for (State s : out) {
            branches.add(new Branch(s.prob, s.rules, s.verdict, s.dnatTo, (s.mark & MARK_MASQ) != 0));
        }
        return new Walk(branches);
    }

    private List<State> run(String table, String chain, int from, State s, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("chain jumps nest deeper than " + MAX_DEPTH + " (a loop?) at " + chain);
        }
        List<State> results = new ArrayList<>();
        List<IptablesRule> rules = dump.rules(table, chain);
        for (int i = from; i < rules.size(); i++) {
            IptablesRule r = rules.get(i);
            s.rules++;
            if (++steps > budget) {
                throw new IllegalStateException("the walks would evaluate more than " + budget + " rules (branches in a loop?)");
            }
            double p = matchProbability(r, s);
            if (p <= 0) {
                continue;
            }
            if (p < 1) {
                State taken = s.copy();
                taken.prob *= p;
                results.addAll(afterMatch(table, chain, i, r, taken, depth));
                s.prob *= 1 - p;
                continue;
            }
            results.addAll(afterMatch(table, chain, i, r, s, depth));
            return results;
        }
        results.add(s); // fell off the end: back to the caller
        return results;
    }

    private List<State> afterMatch(String table, String chain, int index, IptablesRule r, State s, int depth) {
        String target = r.target();
        if (target.isEmpty()) {
            return run(table, chain, index + 1, s, depth);
        }
        if (dump.hasChain(table, target) && !TERMINAL.contains(target)) {
            List<State> out = new ArrayList<>();
            for (State sub : run(table, target, 0, s, depth + 1)) {
                if (sub.terminated || r.isGoto()) {
                    out.add(sub);
                } else {
                    out.addAll(run(table, chain, index + 1, sub, depth));
                }
            }
            return out;
        }
        switch (target) {
            case "RETURN":
                return List.of(s);
            case "MARK":
                applyMark(r, s);
                return run(table, chain, index + 1, s, depth);
            default:
                if (TERMINAL.contains(target)) {
                    s.terminated = true;
                    s.verdict = target;
                    if (target.equals("DNAT")) {
                        String to = r.option("--to-destination");
                        s.dnatTo = to == null ? "" : to;
                    }
                    return List.of(s);
                }
                // LOG, CT, unknown extensions: non-terminating
                return run(table, chain, index + 1, s, depth);
        }
    }

    private static void applyMark(IptablesRule r, State s) {
        String or = r.option("--or-mark");
        String xor = r.option("--xor-mark");
        String setx = r.option("--set-xmark");
        String set = r.option("--set-mark");
        if (or != null) {
            s.mark |= (int) value(or);
        } else if (xor != null) {
            s.mark ^= (int) value(xor);
        } else if (setx != null || set != null) {
            String v = setx != null ? setx : set;
            long val = value(v);
            long mask = v.contains("/") ? parseHex(v.substring(v.indexOf('/') + 1)) : 0xffffffffL;
            s.mark = (int) ((s.mark & ~mask) ^ val);
        }
    }

    private static long value(String v) {
        int slash = v.indexOf('/');
        return parseHex(slash >= 0 ? v.substring(0, slash) : v);
    }

    private static long parseHex(String v) {
        return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
    }

    /** @return 0 (no match), 1 (match) or a probability */
    private static double matchProbability(IptablesRule r, State s) {
        List<String> a = r.args();
        Packet p = s.packet;
        double prob = 1;
        boolean negate = false;
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            String v = i + 1 < a.size() ? a.get(i + 1) : "";
            boolean ok;
            switch (t) {
                case "!":
                    negate = true;
                    continue;
                case "-s":
                case "--source":
                    ok = Cidr.contains(v, currentSrc(p));
                    i++;
                    break;
                case "-d":
                case "--destination":
                    ok = Cidr.contains(v, currentDst(p));
                    i++;
                    break;
                case "-p":
                case "--protocol":
                    ok = v.equalsIgnoreCase(p.protocol()) || v.equals("all");
                    i++;
                    break;
                case "--dport":
                case "--destination-port":
                    ok = Integer.toString(p.dport()).equals(v);
                    i++;
                    break;
                case "--dports":
                    ok = List.of(v.split(",")).contains(Integer.toString(p.dport()));
                    i++;
                    break;
                case "--dst-type":
                    ok = v.equals("LOCAL") && p.dstLocal();
                    i++;
                    break;
                case "--src-type":
                    ok = v.equals("LOCAL") && p.srcLocal();
                    i++;
                    break;
                case "--mark": {
                    long val = value(v);
                    long mask = v.contains("/") ? parseHex(v.substring(v.indexOf('/') + 1)) : 0xffffffffL;
                    ok = (s.mark & mask) == val;
                    i++;
                    break;
                }
                case "--ctstate":
                case "--state": {
                    ok = false;
                    for (String st : v.toUpperCase(Locale.ROOT).split(",")) {
                        if (st.equals("NEW") || (st.equals("DNAT") && s.dnatted)) {
                            ok = true;
                        }
                    }
                    i++;
                    break;
                }
                case "--probability":
                    i++;
                    double q = Double.parseDouble(v);
                    if (!(q >= 0 && q <= 1)) {
                        throw new IllegalArgumentException("--probability " + v + " is not between 0 and 1");
                    }
                    if (negate) {
                        q = 1 - q;
                        negate = false;
                    }
                    prob *= q;
                    continue;
                case "--rcheck":
                case "--update":
                    ok = false; // a new connection has no affinity entry yet
                    break;
                case "-i":
                case "--in-interface":
                case "-o":
                case "--out-interface":
                    ok = !v.equals("lo");
                    i++;
                    break;
                case "-m":
                case "--match":
                case "-j":
                case "--jump":
                case "-g":
                case "--goto":
                case "--comment":
                case "--mode":
                case "--name":
                case "--seconds":
                case "--mask":
                case "--to-destination":
                case "--or-mark":
                case "--xor-mark":
                case "--set-xmark":
                case "--set-mark":
                case "--reject-with":
                    i++;
                    negate = false;
                    continue;
                default:
                    negate = false;
                    continue; // flags like --reap, --rsource, --random-fully, --set
            }
            if (ok == negate) {
                return 0;
            }
            negate = false;
        }
        return prob;
    }

    private static String currentSrc(Packet p) {
        return p.srcIp();
    }

    private static String currentDst(Packet p) {
        return p.dstIp();
    }

    /** IPv4/IPv6 CIDR containment on literals only (never resolves names). */
    static final class Cidr {
        private Cidr() {
        }

        static boolean contains(String cidr, String ip) {
            int slash = cidr.indexOf('/');
            String net = slash >= 0 ? cidr.substring(0, slash) : cidr;
            byte[] a = parse(net);
            byte[] b = parse(ip);
            if (a == null || b == null || a.length != b.length) {
                return false;
            }
            int bits = slash >= 0 ? Integer.parseInt(cidr.substring(slash + 1)) : a.length * 8;
            if (bits < 0 || bits > a.length * 8) {
                throw new IllegalArgumentException("prefix length /" + bits + " in " + cidr);
            }
            for (int i = 0; i < bits; i++) {
                int byteIdx = i / 8;
                int bit = 7 - (i % 8);
                if (((a[byteIdx] >> bit) & 1) != ((b[byteIdx] >> bit) & 1)) {
                    return false;
                }
            }
            return true;
        }

        static byte[] parse(String ip) {
            if (ip == null || ip.isEmpty()) {
                return null;
            }
            if (ip.indexOf(':') < 0) {
                String[] parts = ip.split("\\.");
                if (parts.length != 4) {
                    return null;
                }
                byte[] out = new byte[4];
                for (int i = 0; i < 4; i++) {
                    try {
                        int v = Integer.parseInt(parts[i]);
                        if (v < 0 || v > 255) {
                            return null;
                        }
                        out[i] = (byte) v;
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return out;
            }
            for (int i = 0; i < ip.length(); i++) {
                char c = ip.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return null;
                }
            }
            try {
                return java.net.InetAddress.getByName(ip).getAddress(); // a literal: no lookup
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        }
    }
}
