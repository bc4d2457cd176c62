package dev.kpp.importer.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.Fixtures;
import dev.kpp.importer.codec.Parsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenTreesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "null", "true", "\"\"", "{\"a\":{\"b\":[1,[2,[]],{}]}}",
        "[0, -1, 2147483647, 2147483648, -9223372036854775808, 9223372036854775808, 123456789012345678901234567890]",
        "[0.0, -0.0, 1.5, 1e3, 1E-300, 1e400, -1e400, 3.141592653589793238462643383279]",
        "{\"a\":1,\"b\":2,\"a\":\"last\"}", "[\"\\u00e9\\ud83d\\ude00\", \"caf\u00e9\", null, false]",
        "{\"metadata\":{\"name\":\"x\"},\"items\":[{\"k\":[null]}]}"
    })
    void readsTheTreeJacksonReads(String json) throws IOException {
        assertSameTrees(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheKubectlFixtureAsJacksonDoes() throws IOException {
        assertSameTrees(Files.readAllBytes(Fixtures.resource("file/cluster.json")));
    }

    @Test
    void metadataLeavesOutTheFieldsNoConversionReads() throws IOException {
        String json = "{\"name\":\"a\",\"annotations\":{\"x\":\"y\"},\"managedFields\":[{\"f\":{\"g\":1.5}}],"
                + "\"ownerReferences\":[],\"labels\":{\"l\":\"v\"},\"annotations\":null}";
        try (JsonParser p = Parsers.JSON.getFactory().createParser(json)) {
            p.nextToken();
            JsonNode meta = TokenTrees.readMetadata(p);
            assertEquals(Parsers.JSON.readTree("{\"name\":\"a\",\"labels\":{\"l\":\"v\"}}"), meta);
            assertEquals(JsonToken.END_OBJECT, p.currentToken());
            assertFalse(p.nextToken() != null);
        }
    }

    @Test
    void leftOutFieldsStillMeetTheStringLimit() throws IOException {
        String big = "x".repeat(Parsers.MAX_STRING + 1);
        String json = "{\"annotations\":{\"a\":\"" + big + "\"}}";
        try (JsonParser p = Parsers.JSON.getFactory().createParser(json)) {
            p.nextToken();
            IOException e = assertThrows(IOException.class, () -> TokenTrees.readMetadata(p));
            assertTrue(e.getMessage().contains("String value length"), e.getMessage());
        }
    }

    /** Each top-level value of the input, read both ways, gives equal trees (node types included). */
    private static void assertSameTrees(byte[] json) throws IOException {
        try (JsonParser a = Parsers.JSON.getFactory().createParser(json);
             JsonParser b = Parsers.JSON.getFactory().createParser(json)) {
            while (a.nextToken() != null) {
                b.nextToken();
                JsonNode expected = Parsers.JSON_TREE.readTree(b);
                JsonNode actual = TokenTrees.read(a);
                assertEquals(expected, actual);
                assertEquals(expected.toString(), actual.toString());
                assertEquals(b.currentLocation().getByteOffset(), a.currentLocation().getByteOffset());
            }
        }
    }
}
