package dev.kpp.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The window's start-up phases, in ms since the JVM started, for {@code -Dkpp.startupTiming=true}
 * (docs/benchmarks.md, "Start-up"): marks are cheap no-ops when it is off.
 */
final class StartupTiming {
    private final boolean enabled;
    private final long jvmStart;
    private final List<String> marks = new ArrayList<>();

    private StartupTiming(boolean enabled) {
        this.enabled = enabled;
        this.jvmStart = enabled ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;
    }

    static StartupTiming fromSystemProperty() {
        return new StartupTiming(Boolean.getBoolean("kpp.startupTiming"));
    }

    boolean enabled() {
        return enabled;
    }

    /** @return ms since the JVM started */
    long sinceJvmStart() {
        return System.currentTimeMillis() - jvmStart;
    }

    /** Records that a phase ended now. */
    void mark(String phase) {
        if (enabled) {
            marks.add(phase + " " + sinceJvmStart());
        }
    }

    /** @return the phases so far, "name ms, ..." */
    String phases() {
        return String.join(", ", marks);
    }
}
