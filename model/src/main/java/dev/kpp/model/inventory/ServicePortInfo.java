package dev.kpp.model.inventory;

/**
 * One entry of a Service's {@code spec.ports}.
 *
 * @param name       port name ("" when the Service has a single unnamed port)
 * @param protocol   L4 protocol
 * @param port       the Service port
 * @param nodePort   the allocated NodePort, 0 when none
 * @param targetPort target port as written (number or name), may be empty
 */
public record ServicePortInfo(String name, Protocol protocol, int port, int nodePort, String targetPort) {
    public ServicePortInfo {
        name = name == null ? "" : name;
        protocol = protocol == null ? Protocol.TCP : protocol;
        targetPort = targetPort == null ? "" : targetPort;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (nodePort < 0 || nodePort > 65535) {
            throw new IllegalArgumentException("nodePort out of range: " + nodePort);
        }
    }

    /** A TCP port without a NodePort. */
    public static ServicePortInfo tcp(String name, int port) {
        return new ServicePortInfo(name, Protocol.TCP, port, 0, Integer.toString(port));
    }
}
