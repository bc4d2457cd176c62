package dev.kpp.model.scenario;

import dev.kpp.model.inventory.ConntrackConfig;
import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

/**
 * The what-if inputs of one prediction. Immutable; change it with the {@code withX} copies.
 *
 * @param services                 Services (each with {@code portsPerService} ports)
 * @param portsPerService          ports per Service
 * @param endpointsPerService      ready endpoints per Service
 * @param nodePortShare            share of Services of type NodePort (0..1)
 * @param loadBalancerShare        share of Services of type LoadBalancer (0..1)
 * @param externalLocalShare       share of NodePort/LoadBalancer Services with externalTrafficPolicy Local
 * @param affinityShare            share of Services with sessionAffinity ClientIP
 * @param nodes                    nodes
 * @param coresPerNode             CPU cores per node
 * @param requestsPerSecond        requests per second through Services, per node
 * @param requestsPerConnection    requests carried by one connection (1 = no keep-alive)
 * @param endpointChangesPerSecond endpoint changes per second, cluster-wide (churn)
 * @param kernel                   node kernel
 * @param kubernetesVersion        kube-proxy version
 * @param syncPeriodSeconds        kube-proxy syncPeriod
 * @param minSyncPeriodSeconds     kube-proxy minSyncPeriod
 * @param masqueradeAll            kube-proxy masqueradeAll
 * @param localDetector            kube-proxy knows the pod CIDR (clusterCIDR/detectLocalMode)
 * @param conntrack                conntrack settings
 * @param podsPerNode              pods per node (Calico policy add-on)
 * @param policiesPerPod           NetworkPolicies selecting each pod (Calico policy add-on)
 */
public record ScenarioParams(long services, int portsPerService, int endpointsPerService, double nodePortShare,
                             double loadBalancerShare, double externalLocalShare, double affinityShare, int nodes,
                             double coresPerNode, double requestsPerSecond, double requestsPerConnection,
                             double endpointChangesPerSecond, KernelVersion kernel, KubeVersion kubernetesVersion,
                             double syncPeriodSeconds, double minSyncPeriodSeconds, boolean masqueradeAll,
                             boolean localDetector, ConntrackConfig conntrack, int podsPerNode,
                             double policiesPerPod) {
    /** Largest number of Services kpp plans for. */
    public static final long MAX_SERVICES = 1_000_000;
    /** Largest number of endpoints per Service kpp plans for. */
    public static final int MAX_ENDPOINTS_PER_SERVICE = 100_000;

    public ScenarioParams {
        ScenarioField.SERVICES.check(services);
        ScenarioField.PORTS_PER_SERVICE.check(portsPerService);
        ScenarioField.ENDPOINTS_PER_SERVICE.check(endpointsPerService);
        ScenarioField.NODE_PORT_SHARE.check(nodePortShare);
        ScenarioField.LOAD_BALANCER_SHARE.check(loadBalancerShare);
        if (nodePortShare + loadBalancerShare > 1.0 + 1e-9) {
            throw new InvalidValueException(ScenarioField.LOAD_BALANCER_SHARE.id(),
                    InvalidValueException.Code.SUM_TOO_LARGE, "0", "1",
                    InvalidValueException.plain(nodePortShare + loadBalancerShare));
        }
        ScenarioField.EXTERNAL_LOCAL_SHARE.check(externalLocalShare);
        ScenarioField.AFFINITY_SHARE.check(affinityShare);
        ScenarioField.NODES.check(nodes);
        ScenarioField.CORES_PER_NODE.check(coresPerNode);
        ScenarioField.REQUESTS_PER_SECOND.check(requestsPerSecond);
        ScenarioField.REQUESTS_PER_CONNECTION.check(requestsPerConnection);
        ScenarioField.ENDPOINT_CHANGES_PER_SECOND.check(endpointChangesPerSecond);
        if (kernel == null) {
            throw InvalidValueException.of(ScenarioField.KERNEL.id(), InvalidValueException.Code.REQUIRED, "");
        }
        if (kubernetesVersion == null) {
            throw InvalidValueException.of(ScenarioField.KUBERNETES_VERSION.id(), InvalidValueException.Code.REQUIRED,
                    "");
        }
        if (conntrack == null) {
            throw InvalidValueException.of("conntrack", InvalidValueException.Code.REQUIRED, "");
        }
        ScenarioField.SYNC_PERIOD.check(syncPeriodSeconds);
        if (minSyncPeriodSeconds < 0 || minSyncPeriodSeconds > syncPeriodSeconds || Double.isNaN(minSyncPeriodSeconds)) {
            throw InvalidValueException.range(ScenarioField.MIN_SYNC_PERIOD.id(), 0, syncPeriodSeconds,
                    minSyncPeriodSeconds);
        }
        ScenarioField.PODS_PER_NODE.check(podsPerNode);
        ScenarioField.POLICIES_PER_POD.check(policiesPerPod);
    }

    /**
     * A mid-size modern cluster: 1,000 ClusterIP Services with 10 endpoints, 20 nodes of 8 cores,
     * 1,000 requests/s per node with 10 requests per connection, kernel 6.1, Kubernetes 1.33.
     */
    public static ScenarioParams defaults() {
        return new ScenarioParams(1_000, 1, 10, 0, 0, 0, 0, 20, 8, 1_000, 10, 0.5, KernelVersion.parse("6.1"),
                KubeVersion.parse("1.33"), 30, 1, false, true, ConntrackConfig.defaults(), 30, 3);
    }

    /** @return Service ports (services x ports per service) */
    public long servicePorts() {
        return services * portsPerService;
    }

    /** @return new connections per second per node: requests / requests per connection */
    public double newConnectionsPerSecond() {
        return requestsPerSecond / requestsPerConnection;
    }

    /** @return a copy with this input changed (validated) */
    public ScenarioParams withServices(long v) {
        return with(b -> {
            b.services = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withPortsPerService(int v) {
        return with(b -> {
            b.portsPerService = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withEndpointsPerService(int v) {
        return with(b -> {
            b.endpointsPerService = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withShares(double nodePort, double loadBalancer) {
        return with(b -> {
            b.nodePortShare = nodePort;
            b.loadBalancerShare = loadBalancer;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withExternalLocalShare(double v) {
        return with(b -> {
            b.externalLocalShare = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withAffinityShare(double v) {
        return with(b -> {
            b.affinityShare = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withNodes(int v) {
        return with(b -> {
            b.nodes = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withCoresPerNode(double v) {
        return with(b -> {
            b.coresPerNode = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withRequestsPerSecond(double v) {
        return with(b -> {
            b.requestsPerSecond = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withRequestsPerConnection(double v) {
        return with(b -> {
            b.requestsPerConnection = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withEndpointChangesPerSecond(double v) {
        return with(b -> {
            b.endpointChangesPerSecond = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withKernel(KernelVersion v) {
        return with(b -> {
            b.kernel = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withKubernetesVersion(KubeVersion v) {
        return with(b -> {
            b.kubernetesVersion = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withSyncPeriods(double syncPeriod, double minSyncPeriod) {
        return with(b -> {
            b.syncPeriodSeconds = syncPeriod;
            b.minSyncPeriodSeconds = minSyncPeriod;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withMasquerade(boolean all, boolean detector) {
        return with(b -> {
            b.masqueradeAll = all;
            b.localDetector = detector;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withConntrack(ConntrackConfig v) {
        return with(b -> {
            b.conntrack = v;
        });
    }
    /** @return a copy with this input changed (validated) */
    public ScenarioParams withPolicy(int pods, double policies) {
        return with(b -> {
            b.podsPerNode = pods;
            b.policiesPerPod = policies;
        });
    }

    /**
     * @param change edits to a mutable copy of the inputs
     * @return the validated new scenario
     */
    public ScenarioParams with(java.util.function.Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return a mutable copy of the inputs */
    public Builder toBuilder() {
        Builder b = new Builder();
            b.services = services;
            b.portsPerService = portsPerService;
            b.endpointsPerService = endpointsPerService;
            b.nodePortShare = nodePortShare;
            b.loadBalancerShare = loadBalancerShare;
            b.externalLocalShare = externalLocalShare;
            b.affinityShare = affinityShare;
            b.nodes = nodes;
            b.coresPerNode = coresPerNode;
            b.requestsPerSecond = requestsPerSecond;
            b.requestsPerConnection = requestsPerConnection;
            b.endpointChangesPerSecond = endpointChangesPerSecond;
            b.kernel = kernel;
            b.kubernetesVersion = kubernetesVersion;
            b.syncPeriodSeconds = syncPeriodSeconds;
            b.minSyncPeriodSeconds = minSyncPeriodSeconds;
            b.masqueradeAll = masqueradeAll;
            b.localDetector = localDetector;
            b.conntrack = conntrack;
            b.podsPerNode = podsPerNode;
            b.policiesPerPod = policiesPerPod;
        return b;
    }

    /** Mutable inputs; {@link #build()} validates them into a {@link ScenarioParams}. */
    public static final class Builder {
        public long services;
        public int portsPerService;
        public int endpointsPerService;
        public double nodePortShare;
        public double loadBalancerShare;
        public double externalLocalShare;
        public double affinityShare;
        public int nodes;
        public double coresPerNode;
        public double requestsPerSecond;
        public double requestsPerConnection;
        public double endpointChangesPerSecond;
        public KernelVersion kernel;
        public KubeVersion kubernetesVersion;
        public double syncPeriodSeconds;
        public double minSyncPeriodSeconds;
        public boolean masqueradeAll;
        public boolean localDetector;
        public ConntrackConfig conntrack;
        public int podsPerNode;
        public double policiesPerPod;

        /** @return the validated scenario */
        public ScenarioParams build() {
            return new ScenarioParams(services, portsPerService, endpointsPerService, nodePortShare, loadBalancerShare, externalLocalShare, affinityShare, nodes, coresPerNode, requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, kernel, kubernetesVersion, syncPeriodSeconds, minSyncPeriodSeconds, masqueradeAll, localDetector, conntrack, podsPerNode, policiesPerPod);
        }
    }
}
