package dev.kpp.model.inventory;

/**
 * A node's facts that matter for proxy sizing.
 *
 * @param name             node name
 * @param cores            allocatable/capacity CPU cores (0 when unknown)
 * @param memoryBytes      memory capacity in bytes (0 when unknown)
 * @param kernelVersion    {@code status.nodeInfo.kernelVersion}, "" when unknown
 * @param osImage          {@code status.nodeInfo.osImage}
 * @param kubeProxyVersion {@code status.nodeInfo.kubeProxyVersion} (deprecated field, often empty)
 * @param kubeletVersion   {@code status.nodeInfo.kubeletVersion}
 * @param pool             the node's pool or group (from a well-known label, {@link #POOL_LABELS}); "" when unknown
 */
public record NodeInfo(String name, double cores, long memoryBytes, String kernelVersion, String osImage,
                       String kubeProxyVersion, String kubeletVersion, String pool) {
    /**
     * Labels that name a node's pool or group, in the order they are tried (GKE, EKS managed node groups,
     * eksctl, Karpenter, AKS, DigitalOcean, OKE, generic).
     */
    public static final java.util.List<String> POOL_LABELS = java.util.List.of("cloud.google.com/gke-nodepool",
            "eks.amazonaws.com/nodegroup", "alpha.eksctl.io/nodegroup-name", "karpenter.sh/nodepool",
            "kubernetes.azure.com/agentpool", "agentpool", "doks.digitalocean.com/node-pool",
            "oci.oraclecloud.com/node-pool-id", "node-pool", "nodepool", "node.kubernetes.io/pool");

    /** A node without a known pool. */
    public NodeInfo(String name, double cores, long memoryBytes, String kernelVersion, String osImage,
                    String kubeProxyVersion, String kubeletVersion) {
        this(name, cores, memoryBytes, kernelVersion, osImage, kubeProxyVersion, kubeletVersion, "");
    }

    public NodeInfo {
        pool = pool == null ? "" : pool;
        name = name == null ? "" : name;
        kernelVersion = kernelVersion == null ? "" : kernelVersion;
        osImage = osImage == null ? "" : osImage;
        kubeProxyVersion = kubeProxyVersion == null ? "" : kubeProxyVersion;
        kubeletVersion = kubeletVersion == null ? "" : kubeletVersion;
        if (cores < 0 || memoryBytes < 0) {
            throw new IllegalArgumentException("negative node capacity for " + name);
        }
    }
}
