package dev.kpp.app.cli;

import dev.kpp.app.text.AppInfo;
import dev.kpp.importer.cluster.ClusterImporter;
import dev.kpp.importer.cluster.ClusterSettings;
import dev.kpp.importer.spi.ImportRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The live-cluster options, as a picocli mixin ({@code @Mixin ClusterOptions cluster;}) so that every
 * command that reads an inventory can accept {@code --context} the same way.
 */
public final class ClusterOptions {
    @Option(names = "--context", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
            description = "Read a live cluster (read-only) through this kubeconfig context; without NAME, the "
                    + "kubeconfig's current context.")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file to use instead of $KUBECONFIG or ~/.kube/config (implies --context).")
    Path kubeconfig;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "500",
            description = "Objects per list request (limit/continue; default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--with-metrics", paramLabel = "N", defaultValue = "0",
            description = "Also scrape kube-proxy /metrics from N nodes through the API server's node proxy "
                    + "(default: ${DEFAULT-VALUE}).")
    int metricsNodes;

    @Option(names = "--keep-partial", description = "On Ctrl-C or when a kind fails, keep what was read, marked "
            + "partial (default: nothing is written).")
    boolean keepPartial;

    @Option(names = "--exec-path", paramLabel = "PATH",
            description = "Where to look for exec credential plugins (aws, gke-gcloud-auth-plugin, kubelogin), "
                    + "replacing PATH and the login shell's PATH; also $KPP_EXEC_PATH.")
    String execPath;

    /** @return true when a live cluster was asked for */
    public boolean live() {
        return context != null || kubeconfig != null;
    }

    /**
     * @return the import request
     * @throws Cli.UsageException for a bad page size or metrics count
     */
    public ImportRequest.Cluster request() {
        if (pageSize < 1 || pageSize > 100_000) {
            throw new Cli.UsageException("--page-size must be between 1 and 100000, not " + pageSize);
        }
        if (metricsNodes < 0) {
            throw new Cli.UsageException("--with-metrics must not be negative");
        }
        return new ImportRequest.Cluster(Optional.ofNullable(context).filter(s -> !s.isBlank()),
                Optional.ofNullable(kubeconfig), pageSize, metricsNodes, keepPartial);
    }

    /** @return the kubeconfig file given, if any */
    public Optional<Path> kubeconfig() {
        return Optional.ofNullable(kubeconfig);
    }

    /** @return an importer for this process's environment */
    public ClusterImporter importer() {
        return new ClusterImporter(ClusterSettings.defaults().withExecPath(Optional.ofNullable(execPath))
                .withUserAgent("kpp/" + AppInfo.version()));
    }
}
