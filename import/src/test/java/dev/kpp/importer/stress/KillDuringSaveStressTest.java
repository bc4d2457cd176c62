package dev.kpp.importer.stress;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 and SIGTERM at random points during saves: the target is always the old or the new file,
 * complete; SIGTERM leaves no temporary file, and after kill -9 the next save removes them.
 * Run with {@code ./mvnw -B -ntp verify -Pstress -pl import -am}.
 */
@Tag("stress")
class KillDuringSaveStressTest {
    private static final int MB = 24;

    @TempDir
    Path dir;

    private List<String> temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".kpp-tmp")).toList();
        }
    }

    private Process startSaving(Path target, int saves) throws IOException {
        Process p = ChildJvm.start(List.of("-Xmx64m"), SaveLoop.class, target.toString(), String.valueOf(MB),
                String.valueOf(saves));
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(r.readLine()).isEqualTo("started");
        return p;
    }

    @Test
    void killMinus9AtRandomPointsDuring20SavesLeavesACompleteFileAndTheNextSaveCleansUp() throws Exception {
        Path target = dir.resolve("cluster.kpp.json");
        Random random = new Random(12);
        int leftovers = 0;
        for (int i = 0; i < 20; i++) {
            Process p = startSaving(target, 0);
            Thread.sleep(random.nextInt(1500));
            p.destroyForcibly(); // SIGKILL on Unix
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (Files.exists(target)) {
                assertThat(SaveLoop.check(Files.readAllBytes(target), MB)).as("after kill %d", i).isNull();
            }
            leftovers = Math.max(leftovers, temps().size());
        }
        System.out.println("kill -9 x20: at most " + leftovers + " temporary file(s) left between runs");
        assertThat(target).exists();
        Process next = startSaving(target, 1);
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).isZero();
        assertThat(SaveLoop.check(Files.readAllBytes(target), MB)).isNull();
        assertThat(temps()).isEmpty();
    }

    @Test
    void sigtermDuringASaveLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.json");
        Random random = new Random(3);
        for (int i = 0; i < 5; i++) {
            Process p = startSaving(target, 0);
            Thread.sleep(300 + random.nextInt(700));
            p.destroy(); // SIGTERM: the shutdown hook removes the save in progress
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(temps()).as("after SIGTERM %d", i).isEmpty();
            if (Files.exists(target)) {
                assertThat(SaveLoop.check(Files.readAllBytes(target), MB)).isNull();
            }
        }
    }
}
