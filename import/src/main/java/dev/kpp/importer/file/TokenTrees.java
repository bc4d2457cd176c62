package dev.kpp.importer.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.importer.codec.Parsers;

import java.io.IOException;
import java.util.Set;

/**
 * Reads one JSON value into a tree straight from the token stream: the nodes
 * {@code ObjectReader.readTree} builds for JSON (a key given twice keeps its first position and its
 * last value), without databind's deserialiser machinery, which costs more than the tree in a cold
 * JVM. Every token still passes through the parser it is given, so the {@link CheckingParser}'s
 * checks and the parser's limits see all of it. Only for JSON: YAML has tags and embedded values,
 * which stay with databind.
 */
final class TokenTrees {
    private static final JsonNodeFactory NODES = Parsers.JSON.getNodeFactory();
    /**
     * Fields of {@code metadata} that no kind's conversion reads: walked (checked, limited) but not
     * kept. {@code managedFields} is most of an object's metadata in real kubectl output.
     */
    private static final Set<String> UNREAD_METADATA = Set.of("managedFields", "annotations", "ownerReferences");

    private TokenTrees() {
    }

    /**
     * @param p a parser on the first token of the value
     * @return the value, the parser on its last token
     */
    static JsonNode read(JsonParser p) throws IOException {
        return value(p, p.currentToken());
    }

    /**
     * Reads an object's {@code metadata}: as {@link #read}, without the fields no conversion reads.
     *
     * @param p a parser on the first token of the value
     * @return the value, the parser on its last token
     */
    static JsonNode readMetadata(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return read(p);
        }
        ObjectNode o = NODES.objectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = next(p);
            if (UNREAD_METADATA.contains(name)) {
                walk(p, v);
            } else {
                o.set(name, value(p, v));
            }
        }
        end(p, t);
        return o;
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                JsonToken f;
                while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, value(p, next(p)));
                }
                end(p, f);
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                JsonToken e;
                while ((e = next(p)) != JsonToken.END_ARRAY) {
                    a.add(value(p, e));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL ? NODES.numberNode(p.getDecimalValue())
                        : NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("not the start of a value: " + t);
        }
    }

    /**
     * Walks a value without keeping it. Strings are read and numbers converted as for a tree, so
     * the same inputs fail in the same way (bad UTF-8, a string over the length limit).
     */
    private static void walk(JsonParser p, JsonToken t) throws IOException {
        int depth = 0;
        JsonToken x = t;
        while (true) {
            switch (x) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value(p, x);
                default -> {
                }
            }
            if (depth == 0) {
                return;
            }
            x = next(p);
        }
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        end(p, t);
        return t;
    }

    /** The JSON parser reports an end of input inside a value itself; this is the fallback. */
    private static void end(JsonParser p, JsonToken t) throws JsonEOFException {
        if (t == null) {
            throw new JsonEOFException(p, null, "Unexpected end-of-input within a value");
        }
    }
}
