package dev.kpp.importer.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to import: files today (dumps, snapshots, metrics, rule dumps), a live cluster through a
 * kubeconfig context next. Each {@link InventoryImporter} says which requests it handles.
 */
public sealed interface ImportRequest permits ImportRequest.Files, ImportRequest.Cluster {
    /** @return a short description for messages and provenance, e.g. the paths or the context name */
    String describe();

    /**
     * Files and directories (searched recursively); {@code -} is standard input.
     *
     * @param paths the inputs, in the order given
     */
    record Files(List<Path> paths) implements ImportRequest {
        public Files {
            paths = List.copyOf(paths);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("at least one path is required");
            }
        }

        /** @return a request for these paths */
        public static Files of(Path... paths) {
            return new Files(List.of(paths));
        }

        @Override
        public String describe() {
            return String.join(",", paths.stream().map(Path::toString).toList());
        }
    }

    /**
     * A live cluster, read through a kubeconfig context (read-only).
     *
     * @param context      the context name; empty for the kubeconfig's current context
     * @param kubeconfig   a kubeconfig file; empty for {@code $KUBECONFIG} or {@code ~/.kube/config}
     * @param pageSize     objects per list page ({@code limit}/{@code continue})
     * @param metricsNodes nodes whose kube-proxy {@code /metrics} to scrape through the API server (0: none)
     * @param keepPartial  on cancel, keep what was read (marked partial) instead of nothing
     */
    record Cluster(Optional<String> context, Optional<Path> kubeconfig, int pageSize, int metricsNodes,
                   boolean keepPartial) implements ImportRequest {
        /** Default page size for list calls. */
        public static final int DEFAULT_PAGE_SIZE = 500;

        public Cluster {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(kubeconfig, "kubeconfig");
            if (pageSize < 1 || pageSize > 100_000) {
                throw new IllegalArgumentException("pageSize must be between 1 and 100000");
            }
            if (metricsNodes < 0) {
                throw new IllegalArgumentException("metricsNodes must not be negative");
            }
        }

        /** @return a request for a context with the defaults */
        public static Cluster of(String context) {
            return new Cluster(Optional.ofNullable(context).filter(s -> !s.isEmpty()), Optional.empty(),
                    DEFAULT_PAGE_SIZE, 0, false);
        }

        @Override
        public String describe() {
            return "context:" + context.orElse("(current)");
        }
    }
}
