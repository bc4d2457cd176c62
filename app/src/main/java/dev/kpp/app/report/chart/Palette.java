package dev.kpp.app.report.chart;

import dev.kpp.model.inventory.ProxyMode;

import java.awt.Color;

/**
 * The report's colours: the modes in the planner window's light-theme colours ({@code -kpp-mode-*} in
 * app.css) so a chart in the report and in the window read alike, plus neutral greys and the budget
 * red. Print-friendly: every mode colour keeps a 3:1 contrast against white.
 */
public final class Palette {
    /** Body text. */
    public static final Color TEXT = new Color(0x1f, 0x23, 0x28);
    /** Secondary text: axis labels, captions. */
    public static final Color MUTED = new Color(0x57, 0x60, 0x6a);
    /** Axis lines. */
    public static final Color AXIS = new Color(0x8c, 0x95, 0x9f);
    /** Grid lines. */
    public static final Color GRID = new Color(0xe1, 0xe4, 0xe8);
    /** Table header and callout backgrounds. */
    public static final Color SHADE = new Color(0xf0, 0xf3, 0xf6);
    /** Zebra rows. */
    public static final Color ZEBRA = new Color(0xf8, 0xf9, 0xfa);
    /** Rules between rows and under headers. */
    public static final Color RULE = new Color(0xd0, 0xd7, 0xde);
    /** Budget lines and failed checks. */
    public static final Color BUDGET = new Color(0xcf, 0x22, 0x2e);
    /** Passed checks. */
    public static final Color OK = new Color(0x1a, 0x7f, 0x37);
    /** Warnings. */
    public static final Color WARN = new Color(0x9a, 0x67, 0x00);
    /** Accent: headings, links, the recommendation box. */
    public static final Color ACCENT = new Color(0x09, 0x69, 0xda);
    /** The tornado's "input lowered" side. */
    public static final Color LOWER = new Color(0x21, 0x8b, 0xff);
    /** The tornado's "input raised" side. */
    public static final Color RAISE = new Color(0xe8, 0x59, 0x0c);

    private Palette() {
    }

    /** @return the colour of a mode */
    public static Color mode(ProxyMode m) {
        return switch (m) {
            case IPTABLES -> new Color(0xe8, 0x59, 0x0c);
            case IPVS -> new Color(0x82, 0x50, 0xdf);
            case NFTABLES -> new Color(0x09, 0x69, 0xda);
            case EBPF -> new Color(0x1a, 0x7f, 0x37);
        };
    }

    /** @return the colour as {@code #rrggbb} (SVG) */
    public static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
