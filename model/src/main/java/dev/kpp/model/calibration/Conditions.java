package dev.kpp.model.calibration;

import dev.kpp.model.cost.Assumptions;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditions of a benchmark row, read from its columns ({@code services}, {@code endpoints_*},
 * {@code nodes}, {@code kernel_or_version}, {@code year}, {@code metric}, {@code notes}); where a source leaves one
 * out, a documented assumption fills it and says so ({@link #assumed()}). Editing a row's conditions moves the fit.
 */
final class Conditions {
    private static final Pattern PRE_VERSION = Pattern.compile("pre-v?1\\.(\\d{1,2})(?!\\d)");
    private static final Pattern VERSION = Pattern.compile("(?<![\\d.])v?1\\.(\\d{1,2})(?![\\d])");
    private static final Pattern KERNEL = Pattern.compile("(?i)(?:kernel|linux)\\s+v?(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern MIN_SYNC = Pattern.compile("(?i)min-?sync(?:-period)?\\s*(\\d+(?:\\.\\d+)?)s");
    private static final Pattern QUANTILE = Pattern.compile("_p(\\d{2})(?:_|$)");
    private static final Pattern LINES = Pattern.compile("_(\\d+)_lines");

    /**
     * kube-proxy minor released by the middle of each year, for rows that state a year but no version
     * (Kubernetes release history: 1.3 Jul 2016, 1.7 Jun 2017, 1.11 Jun 2018, 1.15 Jun 2019, 1.18 Mar 2020,
     * 1.21 Apr 2021, 1.24 May 2022, 1.27 Apr 2023, 1.30 Apr 2024, 1.33 Apr 2025, 1.36 Apr 2026).
     */
    private static final int[][] YEAR_TO_MINOR = {{2015, 1}, {2016, 3}, {2017, 7}, {2018, 11}, {2019, 15},
        {2020, 18}, {2021, 21}, {2022, 24}, {2023, 27}, {2024, 30}, {2025, 33}, {2026, 36}};

    final BenchmarkPoint point;
    private final StringBuilder assumed = new StringBuilder();

    Conditions(BenchmarkPoint point) {
        this.point = point;
    }

    /** @return what had to be assumed for this row so far, "" when nothing */
    String assumed() {
        return assumed.toString();
    }

    private void note(String s) {
        if (assumed.indexOf(s) < 0) {
            assumed.append(assumed.length() == 0 ? "" : "; ").append(s);
        }
    }

    /** @return Services (NaN when the row has none) */
    double services() {
        return point.services().orElse(Double.NaN);
    }

    /** @return Services, failing when the row has none */
    long servicesRequired() {
        return Math.round(point.services().orElseThrow(() -> new IllegalStateException(point.id() + ": no services")));
    }

    /** @return endpoints per Service: stated, or total / Services, or the documented assumption */
    int endpointsPerService() {
        if (point.endpointsPerService().isPresent()) {
            return (int) Math.round(point.endpointsPerService().getAsDouble());
        }
        if (point.endpointsTotal().isPresent() && point.services().isPresent() && point.services().getAsDouble() > 0) {
            return (int) Math.max(0, Math.round(point.endpointsTotal().getAsDouble() / point.services().getAsDouble()));
        }
        int e = (int) Assumptions.UNSTATED_ENDPOINTS_PER_SERVICE.value();
        note(e + " endpoints per Service assumed (not stated)");
        return e;
    }

    /** @return the kube-proxy version: stated, or the minor of the row's year, or kpp's default */
    KubeVersion version() {
        String text = point.kernelOrVersion();
        Matcher pre = PRE_VERSION.matcher(text);
        if (pre.find()) {
            return new KubeVersion(1, Integer.parseInt(pre.group(1)) - 1);
        }
        Matcher m = VERSION.matcher(text);
        while (m.find()) {
            int minor = Integer.parseInt(m.group(1));
            if (minor <= 40) {
                return new KubeVersion(1, minor);
            }
        }
        if (point.year() > 0) {
            int minor = YEAR_TO_MINOR[0][1];
            for (int[] ym : YEAR_TO_MINOR) {
                if (point.year() >= ym[0]) {
                    minor = ym[1];
                }
            }
            note("kube-proxy 1." + minor + " assumed (version not stated; released by mid-" + point.year() + ")");
            return new KubeVersion(1, minor);
        }
        KubeVersion v = ScenarioParams.defaults().kubernetesVersion();
        note("kube-proxy " + v + " assumed (neither version nor year stated)");
        return v;
    }

    /** @return the node kernel when the row states it */
    Optional<KernelVersion> kernel() {
        Matcher m = KERNEL.matcher(point.kernelOrVersion());
        return m.find() ? Optional.of(KernelVersion.parse(m.group(1))) : Optional.empty();
    }

    /** @return kube-proxy's minSyncPeriod: stated in the metric or version text, else kube-proxy's default */
    double minSyncPeriodSeconds() {
        Matcher m = MIN_SYNC.matcher(point.metric() + " " + point.kernelOrVersion());
        if (m.find()) {
            return Double.parseDouble(m.group(1));
        }
        double d = KubeProxyConfig.defaults().minSyncPeriodSeconds();
        note("minSyncPeriod " + d + " s (kube-proxy default) assumed");
        return d;
    }

    /** @return the quantile a metric names ({@code _p50} etc.) */
    Optional<Double> quantile() {
        Matcher m = QUANTILE.matcher(point.metric());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1)) / 100.0) : Optional.empty();
    }

    /** @return restore lines named in the metric ({@code iptables-restore_time_695992_lines}) */
    Optional<Long> linesInMetric() {
        Matcher m = LINES.matcher(point.metric());
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** @return true when the row's metric or notes say the traffic went to NodePorts */
    boolean nodePort() {
        return (point.metric() + " " + point.notes()).toLowerCase(Locale.ROOT).contains("nodeport");
    }

    /** @return the metric in lower case */
    String metric() {
        return point.metric().toLowerCase(Locale.ROOT);
    }

    /** @return true when the row's metric says the value is a lower bound */
    boolean lowerBound() {
        return point.notes().toLowerCase(Locale.ROOT).contains("lower bound");
    }
}
