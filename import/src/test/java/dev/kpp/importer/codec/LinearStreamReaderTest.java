package dev.kpp.importer.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kpp.importer.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replaced SnakeYAML reader reads what the original reads, and stops long scalars while scanning. */
class LinearStreamReaderTest {
    private static final int LIMIT = 1 << 16;
    private static final ObjectMapper STOCK = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper SMALL = new ObjectMapper(new BoundedYamlFactory(YAMLFactory.builder(), LIMIT));

    @Test
    void readsTheFixtureExactlyAsStockSnakeYamlDoes() throws IOException {
        String yaml = Files.readString(Fixtures.resource("file/cluster.yaml"));
        try (JsonParser a = STOCK.getFactory().createParser(yaml);
             JsonParser b = Parsers.YAML.getFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = a.nextToken()) != null) {
                assertThat(b.nextToken()).isEqualTo(t);
                assertThat(b.getText()).isEqualTo(a.getText());
                assertThat(b.currentTokenLocation().getLineNr()).isEqualTo(a.currentTokenLocation().getLineNr());
                assertThat(b.currentTokenLocation().getColumnNr()).isEqualTo(a.currentTokenLocation().getColumnNr());
            }
            assertThat(b.nextToken()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: [b, c\n", "a:\n\tb: 1\n", "a: \"unterminated\n", "a: 'x' y\n", "- a\nb: c\n",
        "a: \u0001\n", "k: \uD83D\uDE00 emoji \u00e9\n", "a: |\n  block\n  text\nb: >\n  folded\n  more\n",
        "a: \"esc \\\" \\\\ \\t \\u00e9 \\x41\"\n", "? complex\n: value\n", "--- 1\n--- 2\n...\n", "a: &x 1\nb: *x\n"})
    void errorsAndValuesMatchStockSnakeYaml(String yaml) {
        Object stock = outcome(STOCK, yaml);
        Object ours = outcome(Parsers.YAML, yaml);
        assertThat(ours).isEqualTo(stock);
    }

    /** @return the tree, or the error's location and first line */
    private static Object outcome(ObjectMapper m, String yaml) {
        try {
            return m.readerFor(JsonNode.class).readValues(yaml).readAll().toString();
        } catch (IOException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            return e.getClass().getSimpleName() + ": " + msg.split("\n")[0];
        }
    }

    @Test
    void aPlainScalarLongerThanTheLimitFailsWhileScanning() {
        assertThatThrownBy(() -> SMALL.readTree("a: " + "x".repeat(LIMIT + 1) + "\n"))
                .isInstanceOfSatisfying(StreamConstraintsException.class, e -> {
                    assertThat(e.getLocation().getLineNr()).isEqualTo(1);
                    assertThat(e.getOriginalMessage()).contains("longer than " + LIMIT);
                });
    }

    @Test
    void scalarsMadeOfShortChunksCountAsOne() {
        String words = "w ".repeat(LIMIT / 2 + 1);
        for (String doc : new String[] {"a: " + words + "\n", "a: \"" + words + "\"\n", "a: '" + words + "'\n",
            "a: |\n" + ("  " + "w".repeat(100) + "\n").repeat(LIMIT / 100 + 1),
            "a: \"" + "x\\\"".repeat(LIMIT / 2 + 1) + "\"\n"}) {
            assertThatThrownBy(() -> SMALL.readTree(doc)).as(doc.substring(0, 8))
                    .isInstanceOf(StreamConstraintsException.class);
        }
    }

    @Test
    void manyShortScalarsAddUpToNothing() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LIMIT; i++) {
            sb.append("k").append(i).append(": v").append(i).append('\n');
        }
        JsonNode n = SMALL.readTree(sb.toString());
        assertThat(n.size()).isEqualTo(LIMIT);
        assertThat(n.get("k" + (LIMIT - 1)).asText()).isEqualTo("v" + (LIMIT - 1));
    }

    @Test
    void whiteSpaceWithoutStructureIsBoundedToo() {
        assertThatThrownBy(() -> SMALL.readTree("a: 1\n" + " ".repeat(LIMIT * 2) + "b: 2\n"))
                .isInstanceOf(StreamConstraintsException.class);
    }
}
