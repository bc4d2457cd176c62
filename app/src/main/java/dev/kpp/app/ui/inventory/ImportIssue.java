package dev.kpp.app.ui.inventory;

import java.nio.file.Path;

/**
 * One problem found while importing, readable as it stands (no stack trace).
 *
 * @param file     the file, or null when the problem is not about one file
 * @param location where in the file, e.g. "line 12, column 5" or "items[3].spec.ports[0]"; "" when unknown
 * @param message  what is wrong, in plain words
 */
public record ImportIssue(Path file, String location, String message) {
    public ImportIssue {
        location = location == null ? "" : location;
        message = message == null ? "" : message;
    }
}
