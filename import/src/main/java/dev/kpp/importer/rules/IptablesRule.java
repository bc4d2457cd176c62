package dev.kpp.importer.rules;

import java.util.List;

/**
 * One {@code -A CHAIN ...} line of an iptables-save dump.
 *
 * @param chain  the chain it is appended to
 * @param args   the arguments after the chain name, tokenised as the shell would (quotes removed)
 * @param target the {@code -j}/{@code -g} target, "" when the rule has none
 * @param isGoto true for {@code -g} (goto: returning from the target returns from this chain too)
 * @param line   line number in the dump
 */
public record IptablesRule(String chain, List<String> args, String target, boolean isGoto, int line) {
    public IptablesRule {
        args = List.copyOf(args);
        target = target == null ? "" : target;
    }

    /** @return the {@code --comment} value, or "" */
    public String comment() {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--comment")) {
                return args.get(i + 1);
            }
        }
        return "";
    }

    /** @return the value after {@code option} (e.g. "-d"), or null */
    public String option(String option) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals(option)) {
                return args.get(i + 1);
            }
        }
        return null;
    }
}
