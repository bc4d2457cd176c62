package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unreadable sub-directory or file is reported with the system's reason and skipped; the rest
 * imports. Root reads everything, so as root the import runs in a child JVM without the
 * capabilities that bypass file permissions (setpriv).
 */
class UnreadableInputsTest {
    @TempDir
    Path dir;

    /** Child main: imports the paths and prints the Service count and every problem, one per line. */
    public static void main(String[] args) {
        ImportResult r = Fixtures.load(java.util.Arrays.stream(args).map(Path::of).toArray(Path[]::new));
        System.out.println("services=" + r.inventory().services().size());
        for (ImportProblem p : r.problems()) {
            System.out.println(p.severity() + " " + p.describe());
        }
    }

    private List<String> importWithoutPrivileges(Path... paths) throws Exception {
        List<String> cmd = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            cmd.addAll(List.of("setpriv", "--inh-caps=-dac_override,-dac_read_search",
                    "--bounding-set=-dac_override,-dac_read_search"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), UnreadableInputsTest.class.getName()));
        for (Path p : paths) {
            cmd.add(p.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void anUnreadableSubDirectoryIsReportedAndSkipped() throws Exception {
        Path root = Files.createDirectory(dir.resolve("dumps"));
        Files.copy(Fixtures.resource("file/cluster.json"), root.resolve("cluster.json"));
        Path locked = Files.createDirectory(root.resolve("locked"));
        Files.writeString(locked.resolve("more.json"), "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            List<String> out = importWithoutPrivileges(root);
            assertThat(out).contains("services=10");
            assertThat(out).contains("ERROR " + locked + ": read-failed: permission denied; the directory was "
                    + "skipped");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception {
        Path f = Files.writeString(dir.resolve("secret.json"), "{}");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        Path ok = Files.copy(Fixtures.resource("file/cluster.json"), dir.resolve("ok.json"));
        List<String> out = importWithoutPrivileges(f, ok);
        assertThat(out).contains("services=10", "ERROR " + f + ": read-failed: permission denied");
    }

    @Test
    void aCharacterDeviceIsRefused() throws IOException {
        ImportResult r = Fixtures.load(Path.of("/dev/zero"));
        ImportProblem p = Fixtures.problem(r, "not-a-file");
        assertThat(p.detail()).isEqualTo("a character device, not a regular file, directory or pipe");
    }
}
