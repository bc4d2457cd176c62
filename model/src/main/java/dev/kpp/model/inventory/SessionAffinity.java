package dev.kpp.model.inventory;

/** {@code spec.sessionAffinity} of a Service. */
public enum SessionAffinity {
    NONE, CLIENT_IP;

    /** Parses the API spelling; {@code null} means None. */
    public static SessionAffinity fromApi(String value) {
        if (value == null || value.isEmpty() || value.equals("None")) {
            return NONE;
        }
        if (value.equals("ClientIP")) {
            return CLIENT_IP;
        }
        throw new IllegalArgumentException("unknown session affinity '" + value + "' (expected None or ClientIP)");
    }
}
