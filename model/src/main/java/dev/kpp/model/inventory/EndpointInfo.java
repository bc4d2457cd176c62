package dev.kpp.model.inventory;

import java.util.List;

/**
 * One endpoint of an EndpointSlice.
 *
 * @param addresses   addresses (one per endpoint in practice)
 * @param nodeName    node hosting the endpoint, "" when unknown
 * @param ready       {@code conditions.ready} (unset means ready)
 * @param serving     {@code conditions.serving} (unset means the value of ready)
 * @param terminating {@code conditions.terminating} (unset means false)
 */
public record EndpointInfo(List<String> addresses, String nodeName, boolean ready, boolean serving, boolean terminating) {
    public EndpointInfo {
        addresses = List.copyOf(addresses == null ? List.of() : addresses);
        nodeName = nodeName == null ? "" : nodeName;
    }

    /** A ready endpoint on a node. */
    public static EndpointInfo ready(String address, String nodeName) {
        return new EndpointInfo(List.of(address), nodeName, true, true, false);
    }
}
