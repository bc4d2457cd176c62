package dev.kpp.importer.cache;

import dev.kpp.model.calibration.BenchmarkDataset;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calibration cache on disk: a restored fit predicts exactly what fitting predicts; a changed dataset (another
 * hash) is fitted and gets its own entry; a corrupt, truncated or foreign entry is ignored, refitted and rewritten;
 * a cache that cannot be written still gives the fit.
 */
class CalibrationCacheTest {
    private static Calibration fitted;

    @BeforeAll
    static void fit() {
        fitted = Calibration.fit(BenchmarkDataset.embedded());
    }

    @Test
    void aRestoredFitPredictsExactlyWhatFittingPredicts(@TempDir Path dir) {
        CalibrationCache cache = new CalibrationCache(dir);
        Calibration first = Calibration.fit(BenchmarkDataset.embedded(), cache);
        assertThat(first.restored()).isFalse();
        Path file = cache.file(BenchmarkDataset.embeddedSha256());
        assertThat(file).isRegularFile();
        assertThat(file.getFileName().toString()).startsWith("calibration-"
                + BenchmarkDataset.embeddedSha256().substring(0, 16) + "-m" + Calibration.MODEL_VERSION + "-");
        Calibration loaded = Calibration.fit(BenchmarkDataset.embedded(), cache);
        assertThat(loaded.restored()).isTrue();
        assertThat(loaded.toValues()).isEqualTo(first.toValues());
        assertThat(fitted(loaded)).isEqualTo(fitted(fitted));
        Planner a = new Planner(fitted);
        Planner b = new Planner(loaded);
        for (Sample s : Samples.all()) {
            Prediction expected = a.predict(s.params());
            assertThat(b.predict(s.params())).as(s.name()).isEqualTo(expected);
        }
    }

    @Test
    void aChangedDatasetIsRefittedIntoItsOwnEntry(@TempDir Path dir) throws IOException {
        CalibrationCache cache = new CalibrationCache(dir);
        Calibration.fit(BenchmarkDataset.embedded(), cache);
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BenchmarkDataset.class.getResourceAsStream(BenchmarkDataset.RESOURCE), StandardCharsets.UTF_8))) {
            lines = r.lines().collect(Collectors.toList());
        }
        lines.add(lines.get(lines.size() - 1).replaceFirst("^[^,]*", "extra-row")); // one row more
        BenchmarkDataset edited = BenchmarkDataset.parse(new StringReader(String.join("\n", lines)), "edited");
        assertThat(edited.sha256()).isNotEqualTo(BenchmarkDataset.embeddedSha256());
        Calibration refit = Calibration.fit(edited, cache);
        assertThat(refit.restored()).isFalse();
        assertThat(refit.datasetSha256()).isEqualTo(edited.sha256());
        assertThat(entries(dir)).hasSize(2).contains(cache.file(edited.sha256()),
                cache.file(BenchmarkDataset.embeddedSha256()));
        assertThat(Calibration.fit(edited, cache).restored()).isTrue();
        assertThat(fitted(Calibration.fit(BenchmarkDataset.embedded(), cache))).isEqualTo(fitted(fitted));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "{\"kind\":\"kpp-calibration\"", "[1,2,3]",
        "{\"kind\":\"kpp-calibration\",\"code\":\"x\",\"calibration\":{}}", "{\"kind\":\"other\"}", "\u0000\u0000"})
    void aCorruptEntryIsIgnoredAndRewritten(String content, @TempDir Path dir) throws IOException {
        CalibrationCache cache = new CalibrationCache(dir);
        Path file = cache.file(BenchmarkDataset.embeddedSha256());
        Files.writeString(file, content);
        assertThat(cache.load(BenchmarkDataset.embeddedSha256())).isEmpty();
        Calibration c = Calibration.fit(BenchmarkDataset.embedded(), cache);
        assertThat(c.restored()).isFalse();
        assertThat(fitted(c)).isEqualTo(fitted(fitted));
        assertThat(Files.readString(file)).isNotEqualTo(content).startsWith("{\"kind\":\"kpp-calibration\"");
        assertThat(Calibration.fit(BenchmarkDataset.embedded(), cache).restored()).isTrue();
    }

    @Test
    void anEntryWhoseValuesDoNotRestoreIsRefittedAndRewritten(@TempDir Path dir) throws IOException {
        CalibrationCache cache = new CalibrationCache(dir);
        Calibration.fit(BenchmarkDataset.embedded(), cache);
        Path file = cache.file(BenchmarkDataset.embeddedSha256());
        String good = Files.readString(file);
        // valid JSON, right key, but a value of the wrong type deep inside
        Files.writeString(file, good.replaceFirst("\"bandFactor\":[0-9.eE+-]+", "\"bandFactor\":\"wide\""));
        assertThat(cache.load(BenchmarkDataset.embeddedSha256())).isPresent();
        assertThat(Calibration.fit(BenchmarkDataset.embedded(), cache).restored()).isFalse();
        assertThat(Files.readString(file).replaceFirst("\"fitMillis\":[0-9.eE+-]+", ""))
                .isEqualTo(good.replaceFirst("\"fitMillis\":[0-9.eE+-]+", ""));
    }

    @Test
    void anUnwritableCacheStillGivesTheFit(@TempDir Path dir) throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        CalibrationCache cache = new CalibrationCache(notADir.resolve("kpp"));
        Calibration c = Calibration.fit(BenchmarkDataset.embedded(), cache);
        assertThat(c.restored()).isFalse();
        assertThat(fitted(c)).isEqualTo(fitted(fitted));
    }

    @Test
    void oldEntriesArePrunedToTheNewest(@TempDir Path dir) throws IOException {
        for (int i = 0; i < CalibrationCache.KEEP + 3; i++) {
            Path old = Files.writeString(dir.resolve("calibration-old" + i + ".json"), "{}");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        CalibrationCache cache = new CalibrationCache(dir);
        Calibration.fit(BenchmarkDataset.embedded(), cache);
        assertThat(entries(dir)).hasSize(CalibrationCache.KEEP).contains(cache.file(BenchmarkDataset.embeddedSha256()));
    }

    @Test
    void theDirectoryFollowsThePlatformAndCanBeTurnedOff() {
        assertThat(CalibrationCache.directory("/x/c", null, null, "/home/u", "Linux")).contains(Path.of("/x/c"));
        assertThat(CalibrationCache.directory("off", null, null, "/home/u", "Linux")).isEmpty();
        assertThat(CalibrationCache.directory(null, "/xdg", null, "/home/u", "Linux")).contains(Path.of("/xdg/kpp"));
        assertThat(CalibrationCache.directory(null, "relative", null, "/home/u", "Linux"))
                .contains(Path.of("/home/u/.cache/kpp"));
        assertThat(CalibrationCache.directory(null, null, null, "/Users/u", "Mac OS X"))
                .contains(Path.of("/Users/u/Library/Caches/kpp"));
        assertThat(CalibrationCache.directory(null, null, "C:\\L", "C:\\U", "Windows 11"))
                .isEqualTo(Optional.of(Path.of("C:\\L", "kpp", "cache")));
        assertThat(CalibrationCache.directory(null, null, null, null, "Linux")).isEmpty();
    }

    /** What a fit computed: its values without the time it took. */
    private static java.util.Map<String, Object> fitted(Calibration c) {
        java.util.Map<String, Object> v = c.toValues();
        v.remove("fitMillis");
        return v;
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("calibration-")).toList();
        }
    }

    @Test
    void theCodeHashOfAJarFollowsItsContentNotItsTimestamps(@TempDir Path dir) throws IOException {
        Path a = jar(dir.resolve("a.jar"), "one", 1_000L);
        Path sameContentLater = jar(dir.resolve("b.jar"), "one", 9_000_000L);
        Path changed = jar(dir.resolve("c.jar"), "two", 1_000L);
        Path notAZip = Files.writeString(dir.resolve("d.jar"), "not a zip");
        assertThat(CalibrationCache.codeHash(a)).isEqualTo(CalibrationCache.codeHash(sameContentLater))
                .isNotEqualTo(CalibrationCache.codeHash(changed)).hasSize(64);
        assertThat(CalibrationCache.codeHash(notAZip)).isNotEqualTo(CalibrationCache.codeHash(a))
                .isNotEqualTo(CalibrationCache.codeHash(Files.writeString(dir.resolve("e.jar"), "not a zip either")));
    }

    private static Path jar(Path file, String content, long time) throws IOException {
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (String name : List.of("dev/kpp/model/A.class", "dev/kpp/model/calibration/benchmarks.csv")) {
                java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(name);
                e.setTime(time);
                z.putNextEntry(e);
                z.write((name + content).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }
}
