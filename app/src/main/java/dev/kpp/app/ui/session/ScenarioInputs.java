package dev.kpp.app.ui.session;

import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

/**
 * The what-if inputs the window edits. Immutable; {@link #applyTo} turns them into the model's
 * {@link ScenarioParams} on top of a base (a sample or the imported inventory's settings).
 *
 * @param services                 Services
 * @param endpointsPerService      ready endpoints per Service
 * @param nodePortShare            share of NodePort Services (0..1)
 * @param loadBalancerShare        share of LoadBalancer Services (0..1)
 * @param nodes                    nodes
 * @param coresPerNode             cores per node
 * @param requestsPerSecond        requests per second through Services, per node
 * @param requestsPerConnection    requests per connection (keep-alive; 1 = none)
 * @param endpointChangesPerSecond endpoint changes per second, cluster-wide
 * @param kernel                   kernel version text, e.g. "6.1"
 * @param kubernetesVersion        Kubernetes version text, e.g. "1.33"
 */
public record ScenarioInputs(long services, int endpointsPerService, double nodePortShare, double loadBalancerShare,
                             int nodes, double coresPerNode, double requestsPerSecond, double requestsPerConnection,
                             double endpointChangesPerSecond, String kernel, String kubernetesVersion) {

    /** @return the inputs that reproduce {@code p} */
    public static ScenarioInputs from(ScenarioParams p) {
        return new ScenarioInputs(p.services(), p.endpointsPerService(), p.nodePortShare(), p.loadBalancerShare(),
                p.nodes(), p.coresPerNode(), p.requestsPerSecond(), p.requestsPerConnection(),
                p.endpointChangesPerSecond(), p.kernel().toString(), p.kubernetesVersion().toString());
    }

    /**
     * @param base settings the inputs do not cover (ports, policies, sync periods, conntrack, ...)
     * @return the model parameters
     * @throws IllegalArgumentException when an input is out of range or a version does not parse
     */
    public ScenarioParams applyTo(ScenarioParams base) {
        return base.withServices(services).withEndpointsPerService(endpointsPerService)
                .withShares(nodePortShare, loadBalancerShare).withNodes(nodes).withCoresPerNode(coresPerNode)
                .withRequestsPerSecond(requestsPerSecond).withRequestsPerConnection(requestsPerConnection)
                .withEndpointChangesPerSecond(endpointChangesPerSecond).withKernel(KernelVersion.parse(kernel))
                .withKubernetesVersion(KubeVersion.parse(kubernetesVersion));
    }

    public ScenarioInputs withServices(long v) {
        return new ScenarioInputs(v, endpointsPerService, nodePortShare, loadBalancerShare, nodes, coresPerNode,
                requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, kernel, kubernetesVersion);
    }

    public ScenarioInputs withEndpointsPerService(int v) {
        return new ScenarioInputs(services, v, nodePortShare, loadBalancerShare, nodes, coresPerNode,
                requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, kernel, kubernetesVersion);
    }

    public ScenarioInputs withNodePortShare(double v) {
        return new ScenarioInputs(services, endpointsPerService, v, loadBalancerShare, nodes, coresPerNode,
                requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, kernel, kubernetesVersion);
    }

    public ScenarioInputs withLoadBalancerShare(double v) {
        return new ScenarioInputs(services, endpointsPerService, nodePortShare, v, nodes, coresPerNode,
                requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, kernel, kubernetesVersion);
    }

    public ScenarioInputs withNodes(int v) {
        return new ScenarioInputs(services, endpointsPerService, nodePortShare, loadBalancerShare, v, coresPerNode,
                requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, kernel, kubernetesVersion);
    }

    public ScenarioInputs withCoresPerNode(double v) {
        return new ScenarioInputs(services, endpointsPerService, nodePortShare, loadBalancerShare, nodes, v,
                requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, kernel, kubernetesVersion);
    }

    public ScenarioInputs withRequestsPerSecond(double v) {
        return new ScenarioInputs(services, endpointsPerService, nodePortShare, loadBalancerShare, nodes, coresPerNode,
                v, requestsPerConnection, endpointChangesPerSecond, kernel, kubernetesVersion);
    }

    public ScenarioInputs withRequestsPerConnection(double v) {
        return new ScenarioInputs(services, endpointsPerService, nodePortShare, loadBalancerShare, nodes, coresPerNode,
                requestsPerSecond, v, endpointChangesPerSecond, kernel, kubernetesVersion);
    }

    public ScenarioInputs withEndpointChangesPerSecond(double v) {
        return new ScenarioInputs(services, endpointsPerService, nodePortShare, loadBalancerShare, nodes, coresPerNode,
                requestsPerSecond, requestsPerConnection, v, kernel, kubernetesVersion);
    }

    public ScenarioInputs withKernel(String v) {
        return new ScenarioInputs(services, endpointsPerService, nodePortShare, loadBalancerShare, nodes, coresPerNode,
                requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, v, kubernetesVersion);
    }

    public ScenarioInputs withKubernetesVersion(String v) {
        return new ScenarioInputs(services, endpointsPerService, nodePortShare, loadBalancerShare, nodes, coresPerNode,
                requestsPerSecond, requestsPerConnection, endpointChangesPerSecond, kernel, v);
    }
}
