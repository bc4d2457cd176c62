package dev.kpp.model.units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux kernel version (major.minor[.patch]); distribution suffixes are dropped.
 *
 * @param major major
 * @param minor minor
 * @param patch patch (0 when absent)
 */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {
    private static final Pattern FORMAT = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*$");

    public KernelVersion {
        if (major < 2 || minor < 0 || patch < 0) {
            throw InvalidValueException.of("kernel", InvalidValueException.Code.NOT_A_KERNEL_VERSION, major + "." + minor + "." + patch);
        }
    }

    /**
     * Parses "6.1", "5.15.0-1051-aws" or "4.18.0-553.el8_10.x86_64".
     *
     * @throws IllegalArgumentException when the text is not a kernel version
     */
    public static KernelVersion parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw InvalidValueException.of("kernel", InvalidValueException.Code.NOT_A_KERNEL_VERSION, text);
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
    }

    /** @return true when this kernel is at least major.minor */
    public boolean atLeast(int otherMajor, int otherMinor) {
        return compareTo(new KernelVersion(otherMajor, otherMinor, 0)) >= 0;
    }

    /** @return the kernel as a decimal number for interpolation, e.g. 5.15 -> 5.15, 6.1 -> 6.01 */
    public double asNumber() {
        return major + minor / 100.0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
