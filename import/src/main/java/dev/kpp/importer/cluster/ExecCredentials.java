package dev.kpp.importer.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.spi.ImportProblem;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a kubeconfig user's exec credential plugin (client.authentication.k8s.io ExecCredential)
 * with the plugin found through {@link ExecPath}, non-interactively, bounded in time. What it
 * prints on stdout is a credential: it is parsed, remembered as a secret and never shown; a
 * failing plugin's last stderr line is shown with secrets masked.
 */
final class ExecCredentials {
    /** A credential the plugin returned. */
    record Credential(String token, String clientCertificateData, String clientKeyData, Optional<Instant> expires) {
        boolean expired(Instant now) {
            return expires.map(e -> !now.isBefore(e.minusSeconds(10))).orElse(false);
        }
    }

    private final ExecConfig exec;
    private final Path kubeconfigFile;
    private final ExecPath path;
    private final Map<String, String> env;
    private final Cluster cluster;
    private final long timeoutSeconds;
    private final Secrets secrets;
    private final String source;

    ExecCredentials(ExecConfig exec, Path kubeconfigFile, ExecPath path, Map<String, String> env, Cluster cluster,
                    long timeoutSeconds, Secrets secrets, String source) {
        this.exec = exec;
        this.kubeconfigFile = kubeconfigFile;
        this.path = path;
        this.env = env;
        this.cluster = cluster;
        this.timeoutSeconds = timeoutSeconds;
        this.secrets = secrets;
        this.source = source;
    }

    /** Runs the plugin. */
    Credential run() throws ClusterFailure {
        String command = exec.getCommand();
        Optional<Path> binary = path.find(command, kubeconfigFile);
        if (binary.isEmpty()) {
            String hint = exec.getInstallHint() == null ? "" : "; " + Kubeconfig.firstLine(exec.getInstallHint());
            throw new ClusterFailure(ImportProblem.error(ClusterProblems.EXEC_PLUGIN_NOT_FOUND, source, command,
                    "'" + command + "' was not found in PATH " + String.join(File.pathSeparator, path.searched())
                            + hint));
        }
        List<String> argv = new ArrayList<>();
        argv.add(binary.get().toString());
        if (exec.getArgs() != null) {
            argv.addAll(exec.getArgs());
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().put("PATH", path.pluginPath());
            if (exec.getEnv() != null) {
                for (ExecEnvVar v : exec.getEnv()) {
                    if (v.getName() != null) {
                        pb.environment().put(v.getName(), v.getValue() == null ? "" : v.getValue());
                    }
                }
            }
            pb.environment().put("KUBERNETES_EXEC_INFO", execInfo());
            pb.redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")));
            Process p = pb.start();
            // stdout holds the credential: it is read from the pipe, never written anywhere
            java.util.concurrent.FutureTask<byte[]> stdout = drain(p.getInputStream(), 1 << 20, "kpp-exec-out");
            java.util.concurrent.FutureTask<byte[]> stderr = drain(p.getErrorStream(), 1 << 16, "kpp-exec-err");
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw failed(command, "did not finish within " + timeoutSeconds + " s (a plugin that needs a browser "
                        + "or a prompt must be run once in a terminal first)");
            }
            String outText = new String(get(stdout), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                String line = lastLine(new String(get(stderr), StandardCharsets.UTF_8));
                throw failed(command, "exited with status " + p.exitValue() + (line.isEmpty() ? "" : ": " + line));
            }
            return parse(command, outText);
        } catch (IOException e) {
            throw failed(command, "could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(command, "interrupted");
        }
    }

    private static java.util.concurrent.FutureTask<byte[]> drain(InputStream in, int max, String name) {
        java.util.concurrent.FutureTask<byte[]> task = new java.util.concurrent.FutureTask<>(() -> {
            try (in) {
                byte[] b = in.readNBytes(max);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return b;
            }
        });
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static byte[] get(java.util.concurrent.FutureTask<byte[]> task) throws IOException, InterruptedException {
        try {
            return task.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            task.cancel(true);
            return new byte[0];
        }
    }

    private Credential parse(String command, String stdout) throws ClusterFailure {
        JsonNode root;
        try {
            root = Parsers.JSON_TREE.readTree(stdout);
        } catch (IOException e) {
            throw failed(command, "printed no ExecCredential JSON on stdout");
        }
        if (root == null || !root.isObject()) {
            throw failed(command, "printed no ExecCredential JSON on stdout");
        }
        String apiVersion = root.path("apiVersion").asText("");
        if (exec.getApiVersion() != null && !exec.getApiVersion().equals(apiVersion)) {
            throw failed(command, "returned apiVersion '" + apiVersion + "' but the kubeconfig asks for '"
                    + exec.getApiVersion() + "'");
        }
        JsonNode status = root.path("status");
        String token = status.path("token").asText("");
        String cert = status.path("clientCertificateData").asText("");
        String key = status.path("clientKeyData").asText("");
        secrets.remember(token);
        secrets.remember(key);
        if (token.isEmpty() && (cert.isEmpty() || key.isEmpty())) {
            throw failed(command, "returned neither a token nor a client certificate and key");
        }
        Optional<Instant> expires = Optional.empty();
        String exp = status.path("expirationTimestamp").asText("");
        if (!exp.isEmpty()) {
            try {
                expires = Optional.of(Instant.parse(exp));
            } catch (DateTimeParseException e) {
                // no expiry: the credential is used for the whole import
            }
        }
        return new Credential(token, cert, key, expires);
    }

    private String execInfo() {
        ObjectNode info = Parsers.JSON.createObjectNode();
        info.put("kind", "ExecCredential");
        info.put("apiVersion", exec.getApiVersion() == null ? "client.authentication.k8s.io/v1" : exec.getApiVersion());
        ObjectNode spec = info.putObject("spec");
        spec.put("interactive", false);
        if (Boolean.TRUE.equals(exec.getProvideClusterInfo()) && cluster != null) {
            ObjectNode c = spec.putObject("cluster");
            c.put("server", Kubeconfig.nz(cluster.getServer()));
            if (cluster.getCertificateAuthorityData() != null) {
                c.put("certificate-authority-data", cluster.getCertificateAuthorityData());
            }
            c.put("insecure-skip-tls-verify", Boolean.TRUE.equals(cluster.getInsecureSkipTlsVerify()));
            if (cluster.getTlsServerName() != null) {
                c.put("tls-server-name", cluster.getTlsServerName());
            }
        }
        return info.toString();
    }

    private ClusterFailure failed(String command, String why) {
        return new ClusterFailure(ImportProblem.error(ClusterProblems.EXEC_PLUGIN_FAILED, source, command,
                secrets.scrub("'" + command + "' " + why)));
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\\R");
        String l = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return l.length() > 300 ? l.substring(0, 300) + "..." : l;
    }
}
