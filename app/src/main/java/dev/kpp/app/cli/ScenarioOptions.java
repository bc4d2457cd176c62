package dev.kpp.app.cli;

import dev.kpp.app.text.InputParser;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioOverrides;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.InvalidValueException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scenario flags shared by {@code predict}, {@code sweep} and the commands built on them: a base
 * ({@code --sample} or kpp's defaults) overridden by any flag given. Values are parsed by the same
 * {@link InputParser} as the window's fields ({@code 50k}, {@code 12,000}, {@code 5%}, {@code 30s}).
 */
public final class ScenarioOptions {
    @Option(names = "--sample", paramLabel = "NAME", description = "Start from a built-in scenario (see 'kpp samples').")
    String sample;

    @Option(names = "--services", paramLabel = "N", description = "Services (e.g. 12000, 12,000 or 12k).")
    String services;

    @Option(names = "--endpoints-per-service", paramLabel = "E", description = "Ready endpoints per Service.")
    String endpointsPerService;

    @Option(names = "--ports-per-service", paramLabel = "P", description = "Ports per Service (default 1).")
    String portsPerService;

    @Option(names = "--nodeport-share", paramLabel = "F", description = "Share of NodePort Services: 5%% or 0.05.")
    String nodePortShare;

    @Option(names = "--loadbalancer-share", paramLabel = "F",
            description = "Share of LoadBalancer Services: 5%% or 0.05.")
    String loadBalancerShare;

    @Option(names = "--external-local-share", paramLabel = "F",
            description = "Share of NodePort/LoadBalancer Services with externalTrafficPolicy: Local (5%% or 0.05).")
    String externalLocalShare;

    @Option(names = "--affinity-share", paramLabel = "F",
            description = "Share of Services with sessionAffinity: ClientIP (5%% or 0.05).")
    String affinityShare;

    @Option(names = "--nodes", paramLabel = "K", description = "Nodes.")
    String nodes;

    @Option(names = "--cores-per-node", paramLabel = "C", description = "CPU cores per node.")
    String coresPerNode;

    @Option(names = "--requests-per-second", paramLabel = "R",
            description = "Requests per second through Services, per node (e.g. 2000 or 2k).")
    String requestsPerSecond;

    @Option(names = "--requests-per-connection", paramLabel = "Q",
            description = "Requests per connection (1 = no keep-alive).")
    String requestsPerConnection;

    @Option(names = "--endpoint-changes-per-second", paramLabel = "X",
            description = "Endpoint changes per second, cluster-wide (churn).")
    String endpointChangesPerSecond;

    @Option(names = "--kernel", paramLabel = "X.Y", description = "Node kernel version, e.g. 6.1.")
    String kernel;

    @Option(names = "--kubernetes-version", paramLabel = "1.NN", description = "kube-proxy version, e.g. 1.33.")
    String kubernetesVersion;

    @Option(names = "--sync-period", paramLabel = "S",
            description = "kube-proxy syncPeriod (seconds, or 30s, 1m; default 30).")
    String syncPeriod;

    @Option(names = "--min-sync-period", paramLabel = "S",
            description = "kube-proxy minSyncPeriod (seconds, or 500ms, 1s; default 1).")
    String minSyncPeriod;

    @Option(names = "--pods-per-node", paramLabel = "N", description = "Pods per node (Calico policy add-on).")
    String podsPerNode;

    @Option(names = "--policies-per-pod", paramLabel = "N", description = "NetworkPolicies per pod (Calico policy add-on).")
    String policiesPerPod;

    /** @return a short description of where the base came from */
    String source() {
        return sample != null ? "sample:" + sample : "defaults";
    }

    /** @return the inputs given, by field, as typed */
    Map<ScenarioField, String> given() {
        Map<ScenarioField, String> m = new LinkedHashMap<>();
        put(m, ScenarioField.SERVICES, services);
        put(m, ScenarioField.ENDPOINTS_PER_SERVICE, endpointsPerService);
        put(m, ScenarioField.PORTS_PER_SERVICE, portsPerService);
        put(m, ScenarioField.NODE_PORT_SHARE, nodePortShare);
        put(m, ScenarioField.LOAD_BALANCER_SHARE, loadBalancerShare);
        put(m, ScenarioField.EXTERNAL_LOCAL_SHARE, externalLocalShare);
        put(m, ScenarioField.AFFINITY_SHARE, affinityShare);
        put(m, ScenarioField.NODES, nodes);
        put(m, ScenarioField.CORES_PER_NODE, coresPerNode);
        put(m, ScenarioField.REQUESTS_PER_SECOND, requestsPerSecond);
        put(m, ScenarioField.REQUESTS_PER_CONNECTION, requestsPerConnection);
        put(m, ScenarioField.ENDPOINT_CHANGES_PER_SECOND, endpointChangesPerSecond);
        put(m, ScenarioField.KERNEL, kernel);
        put(m, ScenarioField.KUBERNETES_VERSION, kubernetesVersion);
        put(m, ScenarioField.SYNC_PERIOD, syncPeriod);
        put(m, ScenarioField.MIN_SYNC_PERIOD, minSyncPeriod);
        put(m, ScenarioField.PODS_PER_NODE, podsPerNode);
        put(m, ScenarioField.POLICIES_PER_POD, policiesPerPod);
        return m;
    }

    private static void put(Map<ScenarioField, String> m, ScenarioField f, String v) {
        if (v != null) {
            m.put(f, v);
        }
    }

    /**
     * @return the flags given as overrides (parsed and range-checked)
     * @throws InvalidValueException naming the field of a value that does not parse or is out of range
     */
    ScenarioOverrides overrides() {
        ScenarioOverrides o = ScenarioOverrides.none();
        for (Map.Entry<ScenarioField, String> e : given().entrySet()) {
            ScenarioField f = e.getKey();
            o = switch (f) {
                case KERNEL -> o.withKernel(InputParser.kernel(e.getValue()));
                case KUBERNETES_VERSION -> o.withKubernetesVersion(InputParser.kubernetesVersion(e.getValue()));
                default -> o.with(f, InputParser.field(f, e.getValue()));
            };
        }
        return o;
    }

    /** @return the base scenario: the sample's or kpp's defaults */
    ScenarioParams base() {
        if (sample == null) {
            return ScenarioParams.defaults();
        }
        return Samples.byName(sample).map(Sample::params).orElseThrow(() -> new Cli.UsageException(
                "unknown sample '" + sample + "' (available: "
                        + Samples.all().stream().map(Sample::name).collect(Collectors.joining(", ")) + ")"));
    }

    /**
     * @return the scenario: the base with every flag applied at once
     * @throws InvalidValueException for a value out of range (names the flag when printed)
     */
    ScenarioParams resolve() {
        return overrides().applyTo(base());
    }

    /** @return the plan input for a synthetic cluster */
    PlanInput synthetic() {
        return PlanInput.synthetic(source(), resolve());
    }

    /** @return the flags among {@code fields} that were given */
    List<String> givenFlags(List<ScenarioField> fields) {
        List<String> out = new ArrayList<>();
        for (ScenarioField f : fields) {
            if (given().containsKey(f)) {
                out.add(Flags.of(f.id()));
            }
        }
        return out;
    }
}
