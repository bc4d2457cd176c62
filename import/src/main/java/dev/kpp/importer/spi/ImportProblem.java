package dev.kpp.importer.spi;

/**
 * Something wrong with the input: a file that could not be read (an {@link Severity#ERROR}: the
 * file contributed nothing) or an object that was skipped (a {@link Severity#WARNING}).
 *
 * @param severity error (file rejected) or warning (object skipped, file kept)
 * @param code     stable code, e.g. {@code malformed-json}; see docs/import.md
 * @param source   the file, e.g. {@code dumps/cluster.json} or {@code bundle.tar.gz!/a/svc.yaml}
 * @param location {@code line:column}, or a JSON path such as {@code $.items[12].spec.ports[0]}, or ""
 * @param detail   technical detail in English (the parser's own words), may be ""
 */
public record ImportProblem(Severity severity, String code, String source, String location, String detail) {
    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    public ImportProblem {
        if (severity == null || code == null) {
            throw new IllegalArgumentException("severity and code are required");
        }
        source = source == null ? "" : source;
        location = location == null ? "" : location;
        detail = detail == null ? "" : detail;
    }

    /** An error that rejected a whole file. */
    public static ImportProblem error(String code, String source, String location, String detail) {
        return new ImportProblem(Severity.ERROR, code, source, location, detail);
    }

    /** A warning about one object or setting. */
    public static ImportProblem warning(String code, String source, String location, String detail) {
        return new ImportProblem(Severity.WARNING, code, source, location, detail);
    }

    /** @return {@code source:location: code: detail}, the one-line form the CLI prints */
    public String describe() {
        StringBuilder sb = new StringBuilder(source);
        if (!location.isEmpty()) {
            sb.append(location.startsWith("$") ? " at " : ":").append(location);
        }
        sb.append(": ").append(code);
        if (!detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
