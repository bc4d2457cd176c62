package dev.kpp.model.inventory;

/** {@code addressType} of an EndpointSlice. */
public enum AddressType {
    IPV4, IPV6, FQDN;

    /** Parses the API spelling (IPv4, IPv6, FQDN). */
    public static AddressType fromApi(String value) {
        if (value == null || value.isEmpty() || value.equals("IPv4")) {
            return IPV4;
        }
        if (value.equals("IPv6")) {
            return IPV6;
        }
        if (value.equals("FQDN")) {
            return FQDN;
        }
        throw new IllegalArgumentException("unknown addressType '" + value + "' (expected IPv4, IPv6 or FQDN)");
    }
}
