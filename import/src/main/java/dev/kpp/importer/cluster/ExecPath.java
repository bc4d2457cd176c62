package dev.kpp.importer.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where exec credential plugins are looked for. A desktop launcher (a dock icon, a .desktop file)
 * starts kpp with the session's minimal PATH, without what the user's shell profile adds
 * (Homebrew, gcloud, ~/.local/bin...), so aws, gke-gcloud-auth-plugin or kubelogin would not be
 * found. The search path is therefore: an override when set (settings, {@code --exec-path} or
 * {@code KPP_EXEC_PATH}), else the process PATH followed by the PATH of the user's login shell
 * (asked once, only when a plugin is not on the process PATH), followed by a few usual places.
 */
public final class ExecPath {
    /** Environment variable that overrides the search path. */
    public static final String OVERRIDE_VARIABLE = "KPP_EXEC_PATH";
    private static final String START = "__KPP_PATH_START__";
    private static final String END = "__KPP_PATH_END__";
    private static final long SHELL_TIMEOUT_SECONDS = 5;

    private final Map<String, String> env;
    private final Optional<String> override;
    private List<String> loginShellPath;

    /**
     * @param env      the process environment (PATH, SHELL, HOME)
     * @param override a search path that replaces all others, in the platform's PATH syntax
     */
    public ExecPath(Map<String, String> env, Optional<String> override) {
        this.env = Map.copyOf(env);
        Optional<String> o = override.filter(s -> !s.isBlank());
        if (o.isEmpty()) {
            o = Optional.ofNullable(env.get(OVERRIDE_VARIABLE)).filter(s -> !s.isBlank());
        }
        this.override = o;
    }

    /** @return the search path that applies when nothing is found: every directory that was or would be searched */
    public synchronized List<String> searched() {
        if (override.isPresent()) {
            return split(override.get());
        }
        LinkedHashSet<String> dirs = new LinkedHashSet<>(split(env.getOrDefault("PATH", "")));
        dirs.addAll(loginShellPath());
        dirs.addAll(usualPlaces());
        return new ArrayList<>(dirs);
    }

    /**
     * Finds a plugin.
     *
     * @param command the command as the kubeconfig names it: a bare name, an absolute path, or a
     *                path relative to the kubeconfig file
     * @param kubeconfigFile the file that defines the user (for relative paths), may be null
     * @return the executable, or empty
     */
    public synchronized Optional<Path> find(String command, Path kubeconfigFile) {
        if (command.contains("/") || command.contains(File.separator)) {
            Path p = Path.of(command);
            if (!p.isAbsolute() && kubeconfigFile != null && kubeconfigFile.toAbsolutePath().getParent() != null) {
                p = kubeconfigFile.toAbsolutePath().getParent().resolve(p).normalize();
            }
            return executable(p) ? Optional.of(p) : Optional.empty();
        }
        if (override.isPresent()) {
            return search(command, split(override.get()));
        }
        Optional<Path> found = search(command, split(env.getOrDefault("PATH", "")));
        if (found.isEmpty()) {
            found = search(command, loginShellPath());
        }
        if (found.isEmpty()) {
            found = search(command, usualPlaces());
        }
        return found;
    }

    /**
     * @return the PATH to give a plugin: the search path, then the process PATH and the usual places,
     *         so that it finds its own helpers (gcloud, az, cat)
     */
    public synchronized String pluginPath() {
        LinkedHashSet<String> dirs = new LinkedHashSet<>(searched());
        dirs.addAll(split(env.getOrDefault("PATH", "")));
        dirs.addAll(usualPlaces());
        return String.join(File.pathSeparator, dirs);
    }

    private static Optional<Path> search(String command, List<String> dirs) {
        boolean windows = File.separatorChar == '\\';
        for (String d : dirs) {
            if (d.isBlank()) {
                continue;
            }
            Path p = Path.of(d).resolve(command);
            if (executable(p)) {
                return Optional.of(p);
            }
            if (windows) {
                for (String ext : new String[] {".exe", ".cmd", ".bat"}) {
                    Path w = Path.of(d).resolve(command + ext);
                    if (executable(w)) {
                        return Optional.of(w);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    private List<String> usualPlaces() {
        String home = env.getOrDefault("HOME", System.getProperty("user.home", ""));
        List<String> l = new ArrayList<>(List.of("/usr/local/bin", "/opt/homebrew/bin", "/usr/bin", "/bin",
                "/snap/bin"));
        if (!home.isEmpty()) {
            for (String sub : new String[] {".local/bin", "bin", "go/bin", ".krew/bin",
                "google-cloud-sdk/bin", ".azure-kubelogin"}) {
                l.add(Path.of(home, sub).toString());
            }
        }
        return l;
    }

    /** Asks the user's login shell for its PATH once; empty when there is no shell or it fails. */
    private List<String> loginShellPath() {
        if (loginShellPath != null) {
            return loginShellPath;
        }
        loginShellPath = List.of();
        String shell = env.getOrDefault("SHELL", "");
        if (shell.isBlank() || !Files.isExecutable(Path.of(shell)) || File.separatorChar == '\\') {
            return loginShellPath;
        }
        String name = Path.of(shell).getFileName().toString();
        List<String> cmd = new ArrayList<>(List.of(shell));
        // bash and zsh read the profile (login) and rc files (interactive) where PATH is usually set
        if (name.equals("bash") || name.equals("zsh")) {
            cmd.add("-i");
        }
        cmd.add("-l");
        cmd.add("-c");
        cmd.add("printf '%s' \"" + START + "${PATH}" + END + "\"");
        Path out = null;
        try {
            out = Files.createTempFile("kpp-shell-path", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.redirectErrorStream(true);
            pb.redirectOutput(out.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(SHELL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return loginShellPath;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(out)) {
                bytes = in.readNBytes(1 << 20);
            }
            String s = new String(bytes, StandardCharsets.UTF_8);
            int a = s.lastIndexOf(START);
            int b = s.lastIndexOf(END);
            if (a >= 0 && b > a) {
                loginShellPath = split(s.substring(a + START.length(), b));
            }
        } catch (IOException e) {
            // no usable shell: the other places are still searched
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file
                }
            }
        }
        return loginShellPath;
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }
}
