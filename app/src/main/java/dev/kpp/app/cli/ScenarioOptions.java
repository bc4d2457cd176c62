package dev.kpp.app.cli;

import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;
import picocli.CommandLine.Option;

import java.util.stream.Collectors;

/**
 * The scenario flags shared by {@code predict} and {@code sweep}: a base ({@code --sample} or
 * kpp's defaults) overridden by any flag given.
 */
public final class ScenarioOptions {
    @Option(names = "--sample", paramLabel = "NAME", description = "Start from a built-in scenario (see 'kpp samples').")
    String sample;

    @Option(names = "--services", paramLabel = "N", description = "Services.")
    Long services;

    @Option(names = "--endpoints-per-service", paramLabel = "E", description = "Ready endpoints per Service.")
    Integer endpointsPerService;

    @Option(names = "--ports-per-service", paramLabel = "P", description = "Ports per Service (default 1).")
    Integer portsPerService;

    @Option(names = "--nodeport-share", paramLabel = "F", description = "Share of NodePort Services, 0..1.")
    Double nodePortShare;

    @Option(names = "--loadbalancer-share", paramLabel = "F", description = "Share of LoadBalancer Services, 0..1.")
    Double loadBalancerShare;

    @Option(names = "--external-local-share", paramLabel = "F",
            description = "Share of NodePort/LoadBalancer Services with externalTrafficPolicy: Local, 0..1.")
    Double externalLocalShare;

    @Option(names = "--affinity-share", paramLabel = "F", description = "Share of Services with sessionAffinity: ClientIP, 0..1.")
    Double affinityShare;

    @Option(names = "--nodes", paramLabel = "K", description = "Nodes.")
    Integer nodes;

    @Option(names = "--cores-per-node", paramLabel = "C", description = "CPU cores per node.")
    Double coresPerNode;

    @Option(names = "--requests-per-second", paramLabel = "R", description = "Requests per second through Services, per node.")
    Double requestsPerSecond;

    @Option(names = "--requests-per-connection", paramLabel = "Q",
            description = "Requests per connection (1 = no keep-alive).")
    Double requestsPerConnection;

    @Option(names = "--endpoint-changes-per-second", paramLabel = "X",
            description = "Endpoint changes per second, cluster-wide (churn).")
    Double endpointChangesPerSecond;

    @Option(names = "--kernel", paramLabel = "X.Y", description = "Node kernel version, e.g. 6.1.")
    String kernel;

    @Option(names = "--kubernetes-version", paramLabel = "1.NN", description = "kube-proxy version, e.g. 1.33.")
    String kubernetesVersion;

    @Option(names = "--sync-period", paramLabel = "S", description = "kube-proxy syncPeriod in seconds (default 30).")
    Double syncPeriod;

    @Option(names = "--min-sync-period", paramLabel = "S", description = "kube-proxy minSyncPeriod in seconds (default 1).")
    Double minSyncPeriod;

    @Option(names = "--pods-per-node", paramLabel = "N", description = "Pods per node (Calico policy add-on).")
    Integer podsPerNode;

    @Option(names = "--policies-per-pod", paramLabel = "N", description = "NetworkPolicies per pod (Calico policy add-on).")
    Double policiesPerPod;

    /** @return a short description of where the base came from */
    String source() {
        return sample != null ? "sample:" + sample : "defaults";
    }

    /**
     * Resolves the scenario.
     *
     * @throws Cli.UsageException for an unknown sample
     * @throws IllegalArgumentException for out-of-range values (names the flag)
     */
    ScenarioParams resolve() {
        ScenarioParams p;
        if (sample != null) {
            p = Samples.byName(sample).map(Sample::params).orElseThrow(() -> new Cli.UsageException(
                    "unknown sample '" + sample + "' (available: "
                            + Samples.all().stream().map(Sample::name).collect(Collectors.joining(", ")) + ")"));
        } else {
            p = ScenarioParams.defaults();
        }
        if (services != null) {
            p = p.withServices(services);
        }
        if (endpointsPerService != null) {
            p = p.withEndpointsPerService(endpointsPerService);
        }
        if (portsPerService != null) {
            p = p.withPortsPerService(portsPerService);
        }
        if (nodePortShare != null || loadBalancerShare != null) {
            p = p.withShares(nodePortShare != null ? nodePortShare : p.nodePortShare(),
                    loadBalancerShare != null ? loadBalancerShare : p.loadBalancerShare());
        }
        if (externalLocalShare != null) {
            p = p.withExternalLocalShare(externalLocalShare);
        }
        if (affinityShare != null) {
            p = p.withAffinityShare(affinityShare);
        }
        if (nodes != null) {
            p = p.withNodes(nodes);
        }
        if (coresPerNode != null) {
            p = p.withCoresPerNode(coresPerNode);
        }
        if (requestsPerSecond != null) {
            p = p.withRequestsPerSecond(requestsPerSecond);
        }
        if (requestsPerConnection != null) {
            p = p.withRequestsPerConnection(requestsPerConnection);
        }
        if (endpointChangesPerSecond != null) {
            p = p.withEndpointChangesPerSecond(endpointChangesPerSecond);
        }
        if (kernel != null) {
            p = p.withKernel(parse(() -> KernelVersion.parse(kernel), "--kernel"));
        }
        if (kubernetesVersion != null) {
            p = p.withKubernetesVersion(parse(() -> KubeVersion.parse(kubernetesVersion), "--kubernetes-version"));
        }
        if (syncPeriod != null || minSyncPeriod != null) {
            p = p.withSyncPeriods(syncPeriod != null ? syncPeriod : p.syncPeriodSeconds(),
                    minSyncPeriod != null ? minSyncPeriod : p.minSyncPeriodSeconds());
        }
        if (podsPerNode != null || policiesPerPod != null) {
            p = p.withPolicy(podsPerNode != null ? podsPerNode : p.podsPerNode(),
                    policiesPerPod != null ? policiesPerPod : p.policiesPerPod());
        }
        return p;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String flag) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }
}
