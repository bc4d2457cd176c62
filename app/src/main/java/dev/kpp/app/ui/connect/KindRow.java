package dev.kpp.app.ui.connect;

/**
 * One kind's line in the Connect dialog's progress table.
 *
 * @param kind    the Kubernetes kind
 * @param objects objects read (and expected, when the server said)
 * @param pages   pages read
 * @param state   what is happening or how it ended, in words
 * @param problem true when it was forbidden, not served or failed
 */
public record KindRow(String kind, String objects, String pages, String state, boolean problem) {
}
