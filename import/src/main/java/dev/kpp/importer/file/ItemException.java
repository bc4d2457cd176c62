package dev.kpp.importer.file;

/** One object could not be converted; {@code path} is relative to the object, e.g. {@code spec.ports[0].port}. */
final class ItemException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;

    ItemException(String path, String message) {
        super(message);
        this.path = path;
    }

    String path() {
        return path;
    }
}
