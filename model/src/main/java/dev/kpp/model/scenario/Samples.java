package dev.kpp.model.scenario;

import dev.kpp.model.inventory.ConntrackConfig;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.util.List;
import java.util.Optional;

/** The built-in scenarios ({@code kpp samples}). */
public final class Samples {
    private static final List<Sample> ALL = List.of(
            new Sample("tigera-10k",
                    "10,000 ClusterIP services x 10 endpoints, 1,000 requests/s, no keep-alive, kube-proxy of 2019",
                    "Tigera, \"Comparing kube-proxy modes: iptables or IPVS?\" (2019). Kubernetes 1.15 and kernel 4.15 "
                            + "are kpp's assumptions for 2019; the blog states neither.",
                    new ScenarioParams(10_000, 1, 10, 0, 0, 0, 0, 12, 4, 1_000, 1, 0, KernelVersion.parse("4.15"),
                            KubeVersion.parse("1.15"), 30, 1, false, true, ConntrackConfig.defaults(), 30, 3)),
            new Sample("small",
                    "200 services x 3 endpoints on 6 nodes, 15% NodePort/LoadBalancer, Kubernetes 1.33, kernel 6.1",
                    "kpp sample: a small production cluster",
                    new ScenarioParams(200, 1, 3, 0.10, 0.05, 0, 0, 6, 4, 200, 10, 0.05, KernelVersion.parse("6.1"),
                            KubeVersion.parse("1.33"), 30, 1, false, true, ConntrackConfig.defaults(), 30, 2)),
            new Sample("growth-4k",
                    "4,000 services x 8 endpoints on 60 nodes, Kubernetes 1.30, kernel 5.15",
                    "kpp sample: the 4,000-service cluster planning for 12,000",
                    new ScenarioParams(4_000, 1, 8, 0.05, 0.02, 0, 0.02, 60, 16, 2_000, 5, 1,
                            KernelVersion.parse("5.15"), KubeVersion.parse("1.30"), 30, 1, false, true,
                            ConntrackConfig.defaults(), 40, 3)),
            new Sample("large-50k",
                    "50,000 services x 5 endpoints on 1,000 nodes, Kubernetes 1.33, kernel 6.1",
                    "kpp sample: a very large cluster, past the 10,000-service scalability threshold",
                    new ScenarioParams(50_000, 1, 5, 0.02, 0.01, 0, 0, 1_000, 32, 5_000, 10, 5,
                            KernelVersion.parse("6.1"), KubeVersion.parse("1.33"), 30, 1, false, true,
                            ConntrackConfig.defaults(), 60, 3)));

    private Samples() {
    }

    /** @return every built-in sample, in display order */
    public static List<Sample> all() {
        return ALL;
    }

    /** @return the sample with this name */
    public static Optional<Sample> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
