package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.importer.cluster.KubeContext;
import dev.kpp.importer.cluster.Kubeconfig;
import dev.kpp.importer.spi.ImportProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kpp contexts}: the kubeconfig's contexts, as kubectl merges $KUBECONFIG; never contacts a cluster. */
@Command(name = "contexts", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"List the kubeconfig contexts kpp can import from: $KUBECONFIG (merged as kubectl merges it) "
                + "or ~/.kube/config, or --kubeconfig FILE. No cluster is contacted and no credential is shown."},
        footer = {"", "Examples:", "  kpp contexts", "  kpp contexts --kubeconfig ~/.kube/prod.yaml --format json",
            "  kpp import --context prod -o prod.kpp.json"})
final class ContextsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file to read instead of $KUBECONFIG or ~/.kube/config.")
    Path kubeconfig;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.CSV) {
            throw new Cli.UsageException("contexts supports --format table or json");
        }
        Kubeconfig kc = Kubeconfig.load(Optional.ofNullable(kubeconfig), System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (ImportProblem p : kc.problems()) {
            err.println("kpp: " + (p.severity() == ImportProblem.Severity.ERROR ? "error: " : "warning: ")
                    + ProblemText.describe(p));
        }
        if (kc.files().isEmpty()) {
            err.flush();
            return Cli.EXIT_USAGE;
        }
        List<KubeContext> contexts = kc.contexts();
        if (format == OutputFormat.JSON) {
            ObjectNode root = PredictionFormats.mapper().createObjectNode();
            root.put("currentContext", kc.currentContext());
            ArrayNode files = root.putArray("files");
            kc.files().forEach(f -> files.add(f.toString()));
            ArrayNode list = root.putArray("contexts");
            for (KubeContext c : contexts) {
                ObjectNode o = list.addObject();
                o.put("name", c.name());
                o.put("current", c.current());
                o.put("cluster", c.cluster());
                o.put("user", c.user());
                o.put("namespace", c.namespace());
                o.put("server", c.server());
                o.put("auth", c.auth().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                o.put("execCommand", c.execCommand());
                o.put("proxyUrl", c.proxyUrl());
                o.put("insecureSkipTlsVerify", c.insecure());
                o.put("file", c.file() == null ? "" : c.file().toString());
            }
            out.println(PredictionFormats.mapper().writeValueAsString(root));
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"CURRENT", "NAME", "CLUSTER", "USER", "NAMESPACE", "SERVER", "AUTH"});
            for (KubeContext c : contexts) {
                String auth = c.auth().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + (c.execCommand().isEmpty() ? "" : " (" + c.execCommand() + ")")
                        + (c.proxyUrl().isEmpty() ? "" : ", proxy " + c.proxyUrl())
                        + (c.insecure() ? ", insecure-skip-tls-verify" : "");
                rows.add(new String[] {c.current() ? "*" : "", c.name(), c.cluster(), c.user(), c.namespace(),
                        c.server(), auth});
            }
            int[] w = new int[7];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    b.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + (w[i] + 3) + "s", r[i]));
                }
                out.println(b.toString().stripTrailing());
            }
            if (contexts.isEmpty()) {
                err.println("kpp: no contexts in " + kc.files());
            }
        }
        out.flush();
        err.flush();
        return 0;
    }
}
