package dev.kpp.model.inventory;

import java.util.Locale;

/** L4 protocol of a Service port. */
public enum Protocol {
    TCP, UDP, SCTP;

    /** Parses the API spelling; {@code null} means TCP (the API default). */
    public static Protocol fromApi(String value) {
        if (value == null || value.isEmpty()) {
            return TCP;
        }
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
