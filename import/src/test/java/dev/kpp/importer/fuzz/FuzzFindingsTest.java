package dev.kpp.importer.fuzz;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.file.InventoryCollector;
import dev.kpp.importer.file.KubeDumpReader;
import dev.kpp.importer.rules.NftRulesetParser;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the fuzzers found (docs/fuzzing.md, "Findings"), each now the importer's own error with a
 * content code and a location. The reproducers also run in the targets' regression corpora
 * ({@code <Class>Inputs/<method>/}); these tests pin the code and the location.
 */
class FuzzFindingsTest {
    private static final String SOURCE = "f";

    private static ImportProblem dump(byte[] bytes, boolean yaml) {
        ImportException e = catchThrowableOfType(ImportException.class, () -> KubeDumpReader.read(
                new ByteArrayInputStream(bytes), yaml, SOURCE, new InventoryCollector(Parsers.YAML),
                Cancellation.NEVER));
        assertThat(e).as("an ImportException").isNotNull();
        return e.problem();
    }

    private static ImportProblem snapshot(String json) {
        return snapshot(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportProblem snapshot(byte[] bytes) {
        ImportException e = catchThrowableOfType(ImportException.class, () -> SnapshotCodec.read(
                new ByteArrayInputStream(bytes), SOURCE, Cancellation.NEVER));
        assertThat(e).as("an ImportException").isNotNull();
        return e.problem();
    }

    @Test
    void truncatedUtf32IsMalformedJsonAtTheByteTheDecoderStopped() {
        ImportProblem p = dump(new byte[] {0, 0, 0, '{', 0, 0}, false);
        assertThat(p.code()).isEqualTo("malformed-json");
        assertThat(p.severity()).isEqualTo(ImportProblem.Severity.ERROR);
        assertThat(p.location()).as("the end of the file, inside the second 4-byte char").isEqualTo("byte 6");
        assertThat(p.detail()).contains("UTF-32").contains("UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00003c00", "003c0000", "0000007b7fffffff"})
    void otherNulPatternsAreMalformedJsonWithALocation(String hex) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        ImportProblem p = dump(bytes, false);
        assertThat(p.code()).isEqualTo("malformed-json");
        assertThat(p.location()).isNotEmpty();
    }

    @Test
    void leadingNulsInYamlAreMalformedYaml() {
        ImportProblem p = dump(new byte[] {0, 0, 0, 'a', 0, 0}, true);
        assertThat(p.code()).isEqualTo("malformed-yaml");
        assertThat(p.location()).isNotEmpty();
    }

    @Test
    void leadingNulsInASnapshotAreAMalformedSnapshot() {
        ImportProblem p = snapshot(new byte[] {0, 0, 0, '{', 0, 0});
        assertThat(p.code()).isEqualTo("malformed-snapshot");
        assertThat(p.location()).isEqualTo("byte 6");
    }

    @Test
    void aMetricsValueThatIsNotANumberNamesItsPath() {
        ImportProblem p = snapshot("{\"format\":\"kpp-snapshot\",\"version\":1,"
                + "\"metrics\":[{\"values\":{\"a\":1,\"x\":\"ClientIP\"}}],\"inventory\":{}}");
        assertThat(p.code()).isEqualTo("malformed-snapshot");
        assertThat(p.location()).isEqualTo("$.metrics[0].values.x");
    }

    @Test
    void nonFiniteValuesAsTheWriterSpellsThemStillRead() throws IOException, ImportException {
        var s = SnapshotCodec.read(new ByteArrayInputStream(("{\"format\":\"kpp-snapshot\",\"version\":1,"
                + "\"metrics\":[{\"values\":{\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-Infinity\",\"d\":2.5},"
                + "\"histograms\":{\"h\":{\"count\":3,\"sum\":1,\"buckets\":[[0.5,1],[\"+Inf\",3]]}}}],"
                + "\"inventory\":{}}").getBytes(StandardCharsets.UTF_8)), SOURCE, Cancellation.NEVER);
        var m = s.metrics().get(0);
        assertThat(m.values()).containsEntry("a", Double.NaN).containsEntry("b", Double.POSITIVE_INFINITY)
                .containsEntry("c", Double.NEGATIVE_INFINITY).containsEntry("d", 2.5);
        assertThat(m.histograms().get("h").buckets()).containsEntry(0.5, 1.0)
                .containsEntry(Double.POSITIVE_INFINITY, 3.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "1", "[]", "[1,2,3]", "{\"le\":1}"})
    void aBucketThatIsNotAPairNamesItsPath(String bucket) {
        ImportProblem p = snapshot("{\"format\":\"kpp-snapshot\",\"version\":1,"
                + "\"metrics\":[{\"histograms\":{\"h\":{\"buckets\":[[1,2]," + bucket + "]}}}],\"inventory\":{}}");
        assertThat(p.code()).isEqualTo("malformed-snapshot");
        assertThat(p.location()).isEqualTo("$.metrics[0].histograms.h.buckets[1]");
    }

    @Test
    void aBucketWithATextualCountOrBoundNamesTheElement() {
        assertThat(snapshot("{\"format\":\"kpp-snapshot\",\"version\":1,"
                + "\"metrics\":[{\"histograms\":{\"h\":{\"buckets\":[[1,\"x\"]]}}}],\"inventory\":{}}").location())
                .isEqualTo("$.metrics[0].histograms.h.buckets[0][1]");
        assertThat(snapshot("{\"format\":\"kpp-snapshot\",\"version\":1,"
                + "\"metrics\":[{\"histograms\":{\"h\":{\"buckets\":[[null,1]]}}}],\"inventory\":{}}").location())
                .isEqualTo("$.metrics[0].histograms.h.buckets[0][0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"set", "map", "chain"})
    void aNamelessNftBlockIsMalformedNftAtItsLine(String kind) {
        ImportException e = catchThrowableOfType(ImportException.class, () -> NftRulesetParser.parse(SOURCE,
                new StringReader("table ip t {\n\t" + kind + " {\n\t}\n}\n"), Cancellation.NEVER));
        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("malformed-nft");
        assertThat(e.problem().location()).isEqualTo("2:1");
        assertThat(e.problem().detail()).contains(kind + " <name>");
    }

    @Test
    void aTarHeaderWithABadChecksumIsACorruptArchiveAtItsOffset(@TempDir Path dir) throws IOException {
        Path tar = dir.resolve("bundle.tar");
        Files.copy(Fixtures.resource("fuzz/ImportFileFuzzTestInputs/anyFile/bad-checksum.tar"), tar);
        ImportResult r = Fixtures.load(tar);
        assertThat(r.problems()).extracting(ImportProblem::code).doesNotContain("read-failed", "unreadable");
        ImportProblem p = Fixtures.problem(r, "corrupt-archive");
        assertThat(p.source()).isEqualTo(tar.toString());
        assertThat(p.location()).isEqualTo("byte 0");
    }

    @Test
    void aCorruptLaterHeaderIsNamedAtItsOwnOffset(@TempDir Path dir) throws IOException {
        byte[] good = Files.readAllBytes(Fixtures.resource("fuzz/ImportFileFuzzTestInputs/anyFile/node-bundle.tar"));
        // the first member's header and data, then a copy of its header with one name byte changed
        int firstSize = Integer.parseInt(new String(good, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
        int second = 512 + (firstSize + 511) / 512 * 512;
        byte[] bad = new byte[second + 1024 + 1024];
        System.arraycopy(good, 0, bad, 0, second);
        System.arraycopy(good, 0, bad, second, 512);
        bad[second] ^= 1;
        Path tar = Files.write(dir.resolve("two.tar"), bad);
        ImportResult r = Fixtures.load(tar);
        ImportProblem p = Fixtures.problem(r, "corrupt-archive");
        assertThat(p.location()).isEqualTo("byte " + second);
    }

    /** A four-byte UTF-8 sequence for a code point above U+10FFFF: Jackson decodes it to an unpaired surrogate. */
    private static final byte[] ABOVE_UNICODE = {(byte) 0xF6, (byte) 0x86, (byte) 0x81, (byte) 0x81};
    /** The overlong four-byte form of NUL. */
    private static final byte[] OVERLONG = {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80};

    private static byte[] splice(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void textThatIsNotUnicodeIsMalformedJsonAtItsToken(boolean inAName) {
        for (byte[] bad : new byte[][] {ABOVE_UNICODE, OVERLONG, "\\udc00".getBytes(StandardCharsets.UTF_8)}) {
            String head = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{"
                    + (inAName ? "\"x" : "\"name\":\"x");
            ImportProblem p = dump(splice(head, bad, inAName ? "\":1}}" : "\"}}"), false);
            assertThat(p.code()).isEqualTo("malformed-json");
            assertThat(p.location()).startsWith("1:");
            assertThat(Integer.parseInt(p.location().substring(2))).as("at the token (its start or, for a name, "
                    + "the value after it)").isBetween(head.length() - 1, head.length() + bad.length + 3);
            assertThat(p.detail()).as("Jackson rejects a lone escape in a name itself").contains("surrogate")
                    .contains(inAName ? "field name" : "string");
        }
    }

    @Test
    void aSnapshotKeyThatIsNotUnicodeIsMalformedInsteadOfSavedUnreadably() {
        // the fuzzer's finding: a metric name decoded to 0xddd8 0xdc41 was read, and written so that no reader took it back
        String head = "{\"format\":\"kpp-snapshot\",\"version\":1,\"metrics\":[{\"values\":{\"";
        byte[] bytes = splice(head, ABOVE_UNICODE,
                "proxy\":1}}],\"inventory\":{}}");
        ImportProblem p = snapshot(bytes);
        assertThat(p.code()).isEqualTo("malformed-snapshot");
        assertThat(p.location()).as("the key's opening quote").isEqualTo("1:" + head.length());
        assertThat(p.detail()).contains("unpaired surrogate 0xddd8");
    }

    @Test
    void astralCharactersAreUnicodeAndStayAsTheyAre() throws Exception {
        String name = "svc-\uD83D\uDE00"; // U+1F600, four bytes in UTF-8
        assertThat(dev.kpp.importer.codec.WellFormedText.unpaired(name)).isEqualTo(-1);
        assertThat(dev.kpp.importer.codec.WellFormedText.unpaired("a\uDE00\uD83D")).isEqualTo(1);
        assertThat(dev.kpp.importer.codec.WellFormedText.unpaired("ab\uD83D")).isEqualTo(2);
        InventoryCollector c = new InventoryCollector(Parsers.YAML);
        KubeDumpReader.read(new ByteArrayInputStream(("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":"
                + "{\"name\":\"" + name + "\",\"namespace\":\"d\"},\"spec\":{\"clusterIP\":\"10.0.0.1\","
                + "\"ports\":[{\"port\":80}]}}").getBytes(StandardCharsets.UTF_8)), false, SOURCE, c, Cancellation.NEVER);
        assertThat(c.build("i").services()).extracting(s -> s.name()).containsExactly(name);
    }
}
