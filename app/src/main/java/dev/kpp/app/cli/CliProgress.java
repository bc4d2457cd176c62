package dev.kpp.app.cli;

import dev.kpp.importer.spi.KindProgress;
import dev.kpp.importer.spi.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for long imports. It draws only on an interactive terminal
 * ({@code System.console() != null}), waits half a second before the first frame (short imports
 * show nothing) and redraws at most ten times a second.
 */
final class CliProgress implements ProgressListener {
    private static final long DELAY_NANOS = 500_000_000L;
    private static final long FRAME_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastFrame;
    private boolean drawn;
    private final java.util.Map<String, KindProgress> kinds = new java.util.LinkedHashMap<>();

    private CliProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** @return a bar on {@code err} when stderr is a terminal, else a silent listener */
    static CliProgress forTerminal(PrintWriter err) {
        return new CliProgress(err, System.console() != null);
    }

    @Override
    public void progress(long workDone, long totalWork, String messageKey, String detail) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS || now - lastFrame < FRAME_NANOS) {
            return;
        }
        lastFrame = now;
        String what = switch (messageKey) {
            case ProgressListener.ASSEMBLING -> "building inventory";
            case ProgressListener.WRITING -> "writing";
            case ProgressListener.CONNECTING -> "connecting to";
            case ProgressListener.LISTING -> "listing";
            case ProgressListener.SCRAPING -> "scraping kube-proxy metrics of";
            default -> "reading";
        };
        if (messageKey.equals(ProgressListener.LISTING)) {
            detail = listing();
        }
        StringBuilder sb = new StringBuilder("\r");
        if (totalWork > 0) {
            double f = Math.min(1, workDone / (double) totalWork);
            int filled = (int) Math.round(f * WIDTH);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%% ", 100 * f));
            if (messageKey.equals(ProgressListener.READING)) {
                sb.append(String.format(Locale.ROOT, "%,.1f/%,.1f MB ", workDone / 1e6, totalWork / 1e6));
            }
        }
        sb.append(what);
        if (!detail.isEmpty()) {
            int max = messageKey.equals(ProgressListener.LISTING) ? 70 : 40;
            String d = detail.length() > max ? "..." + detail.substring(detail.length() - max + 3) : detail;
            sb.append(' ').append(dev.kpp.app.text.TerminalText.escape(d));
        }
        sb.append("\u001b[K");
        err.print(sb);
        err.flush();
        drawn = true;
    }

    /** Remembers a kind's progress for the listing line. */
    @Override
    public void kind(KindProgress k) {
        kinds.put(k.kind(), k);
    }

    private String listing() {
        StringBuilder b = new StringBuilder();
        for (KindProgress k : kinds.values()) {
            if (k.finished() || k.objects() == 0) {
                continue;
            }
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(k.kind()).append(' ').append(String.format(Locale.ROOT, "%,d", k.objects()));
            if (k.expected() > 0) {
                b.append(String.format(Locale.ROOT, "/%,d", k.expected()));
            }
            if (k.phase() == KindProgress.Phase.RETRYING) {
                b.append(" (retrying)");
            }
        }
        return b.toString();
    }

    /** Clears the bar (call before printing anything else). */
    void done() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }
}
