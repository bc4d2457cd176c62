package dev.kpp.model.advice;

import dev.kpp.model.units.KernelVersion;

/**
 * Nodes that share a pool (or, without a pool label, a kernel and OS image): the unit the
 * compatibility checks name ("pool legacy-rhel8: 12 nodes on kernel 4.18").
 *
 * @param pool   the pool name, "" when the nodes carry no pool label
 * @param kernel the kernel, or null when unknown
 * @param kernelText the kernel as reported ("" when unknown)
 * @param osImage the OS image as reported
 * @param nodes  how many nodes
 */
public record NodeGroup(String pool, KernelVersion kernel, String kernelText, String osImage, int nodes) {
    public NodeGroup {
        pool = pool == null ? "" : pool;
        kernelText = kernelText == null ? "" : kernelText;
        osImage = osImage == null ? "" : osImage;
    }

    /** @return the pool, or the kernel and OS image when there is no pool label */
    public String label() {
        if (!pool.isEmpty()) {
            return pool;
        }
        String k = kernelText.isEmpty() ? "unknown kernel" : "kernel " + kernelText;
        return osImage.isEmpty() ? k : k + " (" + osImage + ")";
    }
}
