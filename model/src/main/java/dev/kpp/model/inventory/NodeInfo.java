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
 */
public record NodeInfo(String name, double cores, long memoryBytes, String kernelVersion, String osImage,
                       String kubeProxyVersion, String kubeletVersion) {
    public NodeInfo {
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
