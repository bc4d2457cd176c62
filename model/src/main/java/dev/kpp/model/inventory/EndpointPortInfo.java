package dev.kpp.model.inventory;

/**
 * One port of an EndpointSlice; its name matches the Service port name.
 *
 * @param name     port name ("" for an unnamed port)
 * @param protocol protocol
 * @param port     target port number
 */
public record EndpointPortInfo(String name, Protocol protocol, int port) {
    public EndpointPortInfo {
        name = name == null ? "" : name;
        protocol = protocol == null ? Protocol.TCP : protocol;
    }
}
