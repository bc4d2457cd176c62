package dev.kpp.model.units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor version such as 1.31; patch levels are ignored because rule layouts change
 * only with minor releases.
 *
 * @param major major version (1)
 * @param minor minor version
 */
public record KubeVersion(int major, int minor) implements Comparable<KubeVersion> {
    private static final Pattern FORMAT = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:[.+\\-].*)?$");

    public KubeVersion {
        if (major < 1 || minor < 0) {
            throw InvalidValueException.of("kubernetesVersion", InvalidValueException.Code.NOT_A_KUBERNETES_VERSION, major + "." + minor);
        }
    }

    /**
     * Parses "1.31", "v1.31.2" or "v1.29.3-eks-1234".
     *
     * @throws IllegalArgumentException when the text is not a version
     */
    public static KubeVersion parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw InvalidValueException.of("kubernetesVersion", InvalidValueException.Code.NOT_A_KUBERNETES_VERSION, text);
        }
        return new KubeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** @return true when this version is {@code other} or newer */
    public boolean atLeast(int otherMajor, int otherMinor) {
        return compareTo(new KubeVersion(otherMajor, otherMinor)) >= 0;
    }

    @Override
    public int compareTo(KubeVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
