package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file read on two cores ({@link SplitRead}) gives what the serial read gives: the same inventory,
 * problems (codes, lines, columns, paths, order, caps) and sources, wherever the file is cut, and
 * whatever is wrong with it. Each case is read serially, then cut at many places.
 */
class SplitReadTest {
    private static final double[] SHARES = {0.05, 0.15, 0.25, 0.35, 0.44, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97};

    @TempDir
    Path dir;

    private static Outcome read(Path f, double share) {
        return Outcome.of(f, share);
    }

    /** @return how many of the cuts were taken (the rest were read again serially) */
    private int assertSameEverywhere(Path f) {
        return Outcome.assertSameEverywhere(f, SHARES);
    }

    private Path generated(String name, int services, int endpoints) throws IOException {
        ScenarioParams p = ScenarioParams.defaults().withServices(services).withEndpointsPerService(endpoints)
                .withPortsPerService(2).withNodes(5);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DumpGenerator.write(p, b, ProgressListener.NONE, Cancellation.NEVER);
        return write(name, b.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aGeneratedDumpIsCutAtItemBoundariesAndReadAsSerially() throws IOException {
        Path f = generated("gen.json", 300, 7);
        assertThat(assertSameEverywhere(f)).as("cuts taken").isGreaterThanOrEqualTo(SHARES.length - 1);
    }

    @Test
    void theFixtureIsReadAsSerially() throws IOException {
        Path f = dir.resolve("cluster.json");
        Files.copy(Fixtures.resource("file/cluster.json"), f);
        assertThat(assertSameEverywhere(f)).isPositive();
    }

    @Test
    void warningsInTheSecondHalfKeepTheirLinesPathsAndCaps() throws IOException {
        // every item has a duplicate key (a warning from the token stream) and an unknown kind every
        // third (a warning from the collector): 1,500 of one code, so the cap of 1,000 falls in the
        // second half; and one Service given twice, once in each half
        StringBuilder sb = new StringBuilder("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n");
        for (int i = 0; i < 1500; i++) {
            String name = i == 1401 ? "svc-3" : "svc-" + i;
            sb.append("        {\n            \"apiVersion\": \"v1\",\n            \"kind\": \"")
                    .append(i % 3 == 0 ? "Service" : i % 3 == 1 ? "Service" : "Widget").append("\",\n")
                    .append("            \"metadata\": {\n                \"name\": \"").append(name)
                    .append("\",\n                \"namespace\": \"d\",\n                \"namespace\": \"d\"\n")
                    .append("            },\n            \"spec\": {\n                \"type\": \"ClusterIP\",\n")
                    .append("                \"clusterIP\": \"10.0.").append(i / 250).append('.').append(i % 250)
                    // a conversion warning every 7th, an invalid object every 11th, both halves
                    .append(i % 7 == 0 ? "\",\n                \"externalIPs\": [\"not-an-ip\"], \"sessionAffinity\": \"None" : "")
                    .append("\",\n                \"ports\": [{\"port\": ").append(i % 11 == 0 ? "\"x\"" : "80")
                    .append(", \"protocol\": \"TCP\"}]\n")
                    .append("            }\n        }").append(i < 1499 ? ",\n" : "\n");
        }
        sb.append("    ],\n    \"kind\": \"List\",\n    \"kind\": \"List\",\n    \"metadata\": {}\n}\n");
        Path f = write("warnings.json", sb.toString());
        Outcome serial = read(f, 0);
        assertThat(serial.collected()).extracting(ImportProblem::code).contains("duplicate-key", "duplicate-object",
                "invalid-value", "invalid-object");
        assertThat(assertSameEverywhere(f)).isGreaterThanOrEqualTo(SHARES.length - 1);
    }

    @Test
    void warningsBeyondTheCapInTheSecondHalfAreCountedAndKindsNotReadAreCounted() throws IOException {
        // 3,000 items with two duplicate keys each: well over the cap within the second half alone;
        // every other item a Pod (a kind only counted)
        StringBuilder sb = new StringBuilder("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("        {\n            \"apiVersion\": \"v1\",\n            \"kind\": \"")
                    .append(i % 2 == 0 ? "Pod" : "Namespace").append("\",\n            \"a\": 1,\n")
                    .append("            \"a\": 2,\n            \"b\": 1,\n            \"b\": 2,\n")
                    .append("            \"metadata\": {\"name\": \"n").append(i).append("\"}\n        }")
                    .append(i < 2999 ? ",\n" : "\n");
        }
        sb.append("    ],\n    \"kind\": \"List\"\n}\n");
        Path f = write("capped.json", sb.toString());
        Outcome serial = read(f, 0);
        assertThat(serial.collected()).filteredOn(p -> p.code().equals("duplicate-key"))
                .filteredOn(p -> !p.detail().startsWith("... and")).hasSize(InventoryCollector.MAX_PER_CODE);
        assertThat(serial.collected()).anySatisfy(p -> assertThat(p.detail())
                .isEqualTo("... and 5000 more 'duplicate-key' warning(s), not listed"));
        assertThat(serial.skipped()).contains("Pod=1500");
        assertThat(assertSameEverywhere(f)).isGreaterThanOrEqualTo(SHARES.length - 1);
    }

    @Test
    void windowsLineEndingsAreCutAsWell() throws IOException {
        String text = Files.readString(generated("lf.json", 200, 3)).replace("\n", "\r\n");
        assertThat(assertSameEverywhere(write("crlf.json", text))).isGreaterThanOrEqualTo(SHARES.length - 1);
        int at = text.indexOf("\r\n        {", text.length() / 2);
        String broken = text.substring(0, at) + "\r\r\n        {" + text.substring(at + 11);
        assertSameEverywhere(write("lone-cr.json", broken));
    }

    @Test
    void aMalformedOrTruncatedSecondHalfIsTheFilesErrorAtItsPlace() throws IOException {
        String text = Files.readString(generated("base.json", 200, 3));
        int at = (int) (text.length() * 0.8);
        // a stray byte after a comma late in the file, and the file cut off there
        int comma = text.indexOf(",\n", at);
        assertSameEverywhere(write("malformed.json", text.substring(0, comma + 1) + " @" + text.substring(comma + 1)));
        assertSameEverywhere(write("truncated.json", text.substring(0, comma)));
        // cut off right after an item: the end of input is where the list's ] could be, and the
        // message names the list's [ (fuzz finding 8)
        String itemEnd = "\n        }";
        assertSameEverywhere(write("between-items.json", text.substring(0, text.indexOf(itemEnd + ",\n", at)
                + itemEnd.length())));
        assertThat(read(dir.resolve("between-items.json"), 0).file().get(0).detail()).contains("start marker at 3:");
        Outcome bad = read(dir.resolve("malformed.json"), 0);
        assertThat(bad.file()).extracting(ImportProblem::code).containsExactly("malformed-json");
        // a file with an error is read again serially: its error is the serial read's, always
        assertThat(read(dir.resolve("malformed.json"), 0.5).abandoned()).isEqualTo(1);
        // a number over the length limit is reported where the parser stood, which depends on where
        // its buffers begin: on a long line in the second half, and after the list (fuzz finding 9)
        String longLine = "\"x\": \"" + "y".repeat(20_000) + "\", \"n\": " + "7".repeat(70) + ",\n";
        int second = text.indexOf("\n            \"metadata\"", at);
        assertSameEverywhere(write("long-number.json", text.substring(0, second + 1) + "            " + longLine
                + text.substring(second + 1)));
        assertThat(read(dir.resolve("long-number.json"), 0).file()).extracting(ImportProblem::code)
                .containsExactly("limit-exceeded");
        int end = text.lastIndexOf("\n}");
        assertSameEverywhere(write("long-number-after.json", text.substring(0, end) + ",\n    " + longLine
                .replace(",\n", "") + "\n}\n"));
        // an item that is not an object, and one without a kind, in the second half
        int item = text.indexOf("\n        {", at);
        assertSameEverywhere(write("odd-items.json", text.substring(0, item + 1) + "        42,\n        {\"a\": 1},"
                + text.substring(item)));
    }

    @Test
    void aCutThatIsNotAnItemBoundaryIsReadAgainSerially() throws IOException {
        // after the items, a sibling list whose objects sit at the items' indentation: a cut there
        // looks like an item boundary to the pre-scan and is not one
        String text = Files.readString(generated("base.json", 40, 2)).stripTrailing();
        StringBuilder sb = new StringBuilder(text.substring(0, text.length() - 1)).append(",\n    \"extra\": [\n");
        for (int i = 0; i < 4000; i++) {
            sb.append("        {\n            \"k\": ").append(i).append("\n        }").append(i < 3999 ? ",\n" : "\n");
        }
        sb.append("    ]\n}\n");
        Path f = write("sibling.json", sb.toString());
        Outcome serial = read(f, 0);
        Outcome late = read(f, 0.9);
        assertThat(late.taken()).as("taken").isZero();
        assertThat(late.abandoned()).as("planned, then read again").isEqualTo(1);
        assertThat(late.sameAs()).isEqualTo(serial);
        assertSameEverywhere(f);
    }

    @Test
    void randomEditsOfADumpReadTheSameEitherWay() throws IOException {
        String text = Files.readString(generated("base.json", 60, 3));
        Random rnd = new Random(42);
        byte[] junk = "{}[],:\"\\ \n\r\tx0-".getBytes(StandardCharsets.US_ASCII);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                b[b.length / 3 + rnd.nextInt(b.length * 2 / 3)] = junk[rnd.nextInt(junk.length)];
            }
            Path f = dir.resolve("edit-" + i + ".json");
            Files.write(f, b);
            files.add(f);
        }
        for (Path f : files) {
            assertSameEverywhere(f);
        }
    }

    @Test
    void progressRisesToTheSizeAndCancellingKeepsWhatWasRead() throws IOException {
        Path f = generated("progress.json", 3000, 10);
        long size = Files.size(f);
        List<Long> done = java.util.Collections.synchronizedList(new ArrayList<>());
        SourceReader r = new SourceReader((d, total, key, detail) -> done.add(d), Cancellation.NEVER, size,
                ImportLimits.defaults(), InputStream::nullInputStream).splitFrom(0, SplitRead.FIRST_SHARE);
        InventoryCollector all = new InventoryCollector(Parsers.YAML);
        r.read(f, all, new SourceReader.Outputs());
        assertThat(r.splits()[0]).isEqualTo(1);
        assertThat(done).isSorted().last().isEqualTo(size);
        assertThat(done).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(size));

        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        SourceReader c = new SourceReader(ProgressListener.NONE, () -> polls.incrementAndGet() > 30, size,
                ImportLimits.defaults(), InputStream::nullInputStream).splitFrom(0, SplitRead.FIRST_SHARE);
        InventoryCollector partial = new InventoryCollector(Parsers.YAML);
        SourceReader.Outputs out = new SourceReader.Outputs();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.read(f, partial, out))
                .isInstanceOf(dev.kpp.importer.spi.ImportCancelledException.class);
        assertThat(out.problems).extracting(ImportProblem::code).contains("cancelled");
        assertThat(partial.serviceCount()).isPositive().isLessThan(3000);
    }

    @Test
    void aFileReadAheadIsTakenByTheImportThatReadsItAndAnotherIsStopped() throws IOException {
        Path f = generated("ahead.json", 3000, 10);
        assertThat(Files.size(f)).isGreaterThan(SplitRead.MIN_BYTES);
        Path other = generated("other.json", 3000, 10);
        Outcome serial = read(f, 0);
        assertThat(SplitRead.readAhead(f)).isTrue();
        // a reader with its own cut settings (a test's) plans its own cut and leaves the read-ahead
        assertThat(read(f, 0.5).sameAs()).isEqualTo(serial);
        SourceReader defaults = new SourceReader(ProgressListener.NONE, Cancellation.NEVER, -1,
                ImportLimits.defaults(), InputStream::nullInputStream);
        InventoryCollector all = new InventoryCollector(Parsers.YAML);
        SourceReader.Outputs out = new SourceReader.Outputs();
        defaults.read(f, all, out);
        assertThat(defaults.splits()).containsExactly(1, 0);
        assertThat(SplitRead.takeAhead(f, Files.size(f), f.toString())).as("taken by that read").isNull();
        assertThat(all.build("t").toString()).isEqualTo(serial.inventory());
        assertThat(all.problems()).isEqualTo(serial.collected());
        assertThat(out.sources.toString()).isEqualTo(serial.sources());
        // read ahead, then another file is read first: stopped, not taken later
        assertThat(SplitRead.readAhead(f)).isTrue();
        assertThat(SplitRead.takeAhead(other, Files.size(other), other.toString())).isNull();
        assertThat(SplitRead.takeAhead(f, Files.size(f), f.toString())).isNull();
        assertThat(SplitRead.readAhead(dir.resolve("missing.json"))).isFalse();
        assertThat(SplitRead.readAhead(dir)).isFalse();
    }

    @Test
    void thePreScanFindsTheItemsIndentAndOnlyLinesThatOpenAnItem() {
        byte[] head = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(SplitRead.itemsIndent(head)).isEqualTo(8);
        assertThat(SplitRead.itemsIndent("{\"items\":[{}]}".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(SplitRead.itemsIndent("[\n    {\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        byte[] body = "x\": 1\n        },\n        {\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(SplitRead.cut(body, 8)).isEqualTo(17);
        assertThat(SplitRead.cut(body, 4)).isEqualTo(-1);
        assertThat(SplitRead.cut("        }\n        {\n".getBytes(StandardCharsets.US_ASCII), 8)).isEqualTo(-1);
    }

    @Test
    void translationMovesLinesAndItemIndexesOnly() {
        SplitRead.Translation t = new SplitRead.Translation(1000, 50);
        assertThat(t.location("3:17")).isEqualTo("1003:17");
        assertThat(t.location("")).isEmpty();
        assertThat(t.path("$.items[2].metadata: the key 'name' appears twice")).isEqualTo(
                "$.items[52].metadata: the key 'name' appears twice");
        assertThat(t.path("$.items: the file ends inside an object or list")).isEqualTo(
                "$.items: the file ends inside an object or list");
        assertThat(t.path("Unexpected character ('@' (code 64))")).isEqualTo("Unexpected character ('@' (code 64))");
    }
}
