package dev.kpp.importer.file;

import dev.kpp.importer.codec.Parsers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.kpp.importer.codec.ParserMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;

import dev.kpp.model.inventory.EndpointInfo;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.io.InputStream;

/**
 * Streams {@code kubectl get -o json|yaml} output: a {@code List} (any {@code *List} kind) or single
 * objects, several YAML documents or concatenated JSON values. The {@code items} array is walked
 * with the streaming parser and each item is read into a small tree, converted at once and
 * dropped, so memory follows the inventory, not the file.
 */
public final class KubeDumpReader {
    private KubeDumpReader() {
    }

    /**
     * Reads a dump into a collector.
     *
     * @param in     the (decompressed) bytes; not closed
     * @param yaml   true for YAML, false for JSON
     * @param source file name for problems
     * @param c      receives the objects
     * @param cancel polled between items
     * @throws ImportException for malformed input (names line:column) or input that is not
     *                         Kubernetes objects
     */
    public static void read(InputStream in, boolean yaml, String source, InventoryCollector c, Cancellation cancel)
            throws ImportException, IOException {
        read(in, yaml, source, c, cancel, null);
    }

    /**
     * Reads a dump, or with {@code split} the first half of a JSON file whose second half another
     * thread reads ({@link SplitRead}): its items are taken in where that half begins.
     */
    static void read(InputStream in, boolean yaml, String source, InventoryCollector c, Cancellation cancel,
                     SplitRead split) throws ImportException, IOException {
        ObjectReader reader = yaml ? Parsers.YAML_TREE : Parsers.JSON_TREE;
        String format = yaml ? "YAML" : "JSON";
        parse(in, yaml, source, c, p -> {
            int doc = 0;
            boolean anyValue = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                doc++;
                String prefix = doc > 1 ? "document " + doc + ": $" : "$";
                if (t == JsonToken.VALUE_NULL || (yaml && t == JsonToken.VALUE_STRING && p.getText().isEmpty())) {
                    continue; // an empty YAML document
                }
                anyValue = true;
                if (t == JsonToken.START_ARRAY) {
                    streamItems(p, reader, prefix, source, c, cancel);
                } else if (t == JsonToken.START_OBJECT) {
                    readRoot(p, reader, prefix, source, c, cancel, doc == 1 ? split : null);
                } else {
                    throw new ImportException(ImportProblem.error("not-kubernetes", source,
                            location(p.currentTokenLocation()), prefix + ": expected a Kubernetes object or List, found "
                                    + describe(t)));
                }
            }
            if (!anyValue) {
                throw new ImportException(ImportProblem.error("empty-file", source, "", "no " + format + " document"));
            }
        });
    }

    /**
     * Reads the second half of a JSON List for {@link SplitRead}: {@code in} is
     * <code>{"items":[</code>, a line break, and the file from the start of one item on. The items
     * go to {@code sink} until the list closes; what follows is not read.
     *
     * @return the items read and where the closing {@code ]} is in {@code in}
     * @throws ImportException for malformed input, at its place in {@code in}
     */
    static SplitRead.Half readSecondHalf(InputStream in, String source, DumpSink sink, Cancellation cancel)
            throws ImportException, IOException {
        SplitRead.Half[] half = new SplitRead.Half[1];
        parse(in, false, source, sink, p -> {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("not the second half's prefix");
            }
            int items = streamItems(p, Parsers.JSON_TREE, "$.items", source, sink, cancel, null, null);
            JsonLocation end = p.currentTokenLocation();
            half[0] = new SplitRead.Half(items, end.getByteOffset(), end.getLineNr(), end.getColumnNr());
        });
        return half[0];
    }

    /** What a reader does with the parser; {@link #parse} turns its failures into the file's problem. */
    @FunctionalInterface
    private interface Body {
        void run(JsonParser p) throws IOException, ImportException;
    }

    private static void parse(InputStream in, boolean yaml, String source, DumpSink c, Body body)
            throws ImportException, IOException {
        JsonParser p;
        try {
            p = new CheckingParser((yaml ? Parsers.YAML : Parsers.JSON).getFactory()
                    .createParser(new NonClosing(in)), yaml, source, c);
        } catch (CharConversionException e) {
            throw undecodable(source, yaml, null, e);
        }
        try (p) {
            body.run(p);
        } catch (StreamConstraintsException e) {
            JsonLocation loc = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation()
                    : p.currentLocation();
            throw new ImportException(ImportProblem.error("limit-exceeded", source, location(loc),
                    ParserMessages.clean(e.getOriginalMessage())), e);
        } catch (JsonEOFException e) {
            throw new ImportException(ImportProblem.error("truncated", source, location(p.currentLocation()),
                    "the file ends inside " + (yaml ? "a document" : "an object or list") + " (truncated?): "
                            + ParserMessages.clean(e.getOriginalMessage())), e);
        } catch (JsonProcessingException e) {
            rethrowStreamFailure(e);
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            if (endOfInput(e)) {
                // Jackson reports an end of input between entries as a plain parse exception: still truncated
                throw new ImportException(ImportProblem.error("truncated", source, location(loc),
                        "the file ends inside " + (yaml ? "a document" : "an object or list") + " (truncated?): "
                                + ParserMessages.clean(e.getOriginalMessage())), e);
            }
            String where = location(loc);
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                // the problem (a tab, a bad indent), not the context it was found in
                where = (m.getProblemMark().getLine() + 1) + ":" + (m.getProblemMark().getColumn() + 1);
            }
            throw new ImportException(ImportProblem.error(yaml ? "malformed-yaml" : "malformed-json", source,
                    where, ParserMessages.clean(e.getOriginalMessage())), e);
        } catch (CharConversionException e) {
            throw undecodable(source, yaml, p, e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            rethrowStreamFailure(e);
            throw new ImportException(ImportProblem.error("malformed-yaml", source, location(p.currentLocation()),
                    ParserMessages.clean(e.getMessage())), e);
        }
    }

    /**
     * Jackson guesses the encoding from the first bytes (leading NULs mean UTF-16 or UTF-32), and
     * a decoding failure of that guess is an {@link IOException}, not a parse error: it is the
     * file's content, so it becomes the format's own error, at the byte the decoder names.
     *
     * @param p the parser, or null when the encoding check failed before one existed
     */
    static ImportException undecodable(String source, boolean yaml, JsonParser p, CharConversionException e) {
        String where = ParserMessages.decoderOffset(e);
        if (where.isEmpty() && p != null) {
            where = location(p.currentLocation());
        }
        return new ImportException(ImportProblem.error(yaml ? "malformed-yaml" : "malformed-json", source,
                where.isEmpty() ? "byte 0" : where, ParserMessages.undecodable(e)), e);
    }

    /**
     * SnakeYAML wraps what the stream throws (a decompression limit, corrupt gzip, a read error):
     * those are not YAML errors, so the cause is thrown as it was.
     */
    private static void rethrowStreamFailure(Throwable e) throws IOException {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof JsonProcessingException)
                    && !(t instanceof java.io.CharConversionException)) {
                throw io;
            }
        }
    }

    private static void readRoot(JsonParser p, ObjectReader reader, String prefix, String source, InventoryCollector c,
                                 Cancellation cancel, SplitRead split) throws IOException, ImportException {
        JsonLocation start = p.currentTokenLocation();
        ObjectNode rest = Parsers.JSON.createObjectNode();
        boolean sawItems = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (v == null) {
                throw truncated(p, source, prefix);
            }
            if (field.equals("items") && (v == JsonToken.START_ARRAY || v == JsonToken.VALUE_NULL)) {
                sawItems = true;
                if (v == JsonToken.START_ARRAY) {
                    int n = streamItems(p, reader, prefix + ".items", source, c, cancel, null, null);
                    if (split != null) {
                        split.splice(p.currentTokenLocation(), c, n);
                    }
                }
            } else {
                rest.set(field, tree(p, reader, field));
            }
        }
        if (t == null) {
            throw truncated(p, source, prefix);
        }
        if (sawItems) {
            String kind = KubeObjects.text(rest, "kind");
            if (!kind.isEmpty() && !kind.endsWith("List")) {
                c.problem(ImportProblem.warning("unexpected-list-kind", source, location(start), prefix
                        + ": has 'items' but kind '" + kind + "' is not a List; items read anyway"));
            }
            return;
        }
        c.accept(rest, null, null, source, location(start), prefix);
    }

    private static int streamItems(JsonParser p, ObjectReader reader, String path, String source,
                                   DumpSink c, Cancellation cancel) throws IOException, ImportException {
        return streamItems(p, reader, path, source, c, cancel, null, null);
    }

    /** @param kind, apiVersion set on items that lack them (API server lists omit them), or null */
    private static int streamItems(JsonParser p, ObjectReader reader, String path, String source,
                                   DumpSink c, Cancellation cancel, String kind, String apiVersion)
            throws IOException, ImportException {
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw truncated(p, source, path);
            }
            JsonLocation loc = p.currentTokenLocation();
            if (t == JsonToken.START_OBJECT) {
                readItem(p, reader, c, source, location(loc), path + "[" + i + "]", kind, apiVersion);
            } else {
                c.accept(tree(p, reader, ""), null, null, source, location(loc), path + "[" + i + "]");
            }
            i++;
            if ((i & 31) == 0) {
                cancel.check();
            }
        }
        return i;
    }

    /**
     * What a list response said besides its items (one page of a {@code limit}/{@code continue} list).
     *
     * @param kind               the list's kind, e.g. {@code ServiceList}
     * @param resourceVersion    {@code metadata.resourceVersion}, "" when absent
     * @param continueToken      {@code metadata.continue}: "" on the last page
     * @param remainingItemCount {@code metadata.remainingItemCount}, -1 when absent
     * @param items              items on this page
     */
    public record ListPage(String kind, String resourceVersion, String continueToken, long remainingItemCount,
                           int items) {
    }

    /**
     * Reads one list response ({@code {"kind": "ServiceList", "metadata": {...}, "items": [...]}}) as
     * it arrives, each item straight into the collector, the same way as a dump's items.
     *
     * @param in         the response body; not closed
     * @param source     name for problems (the API path)
     * @param kind       the items' kind, set on items without one (API servers omit it in lists)
     * @param apiVersion the items' API version, set with {@code kind}
     * @param c          receives the items
     * @param cancel     polled every 32 items
     * @return the list's metadata and item count
     * @throws ImportException when the body is not a JSON list object
     */
    public static ListPage readList(InputStream in, String source, String kind, String apiVersion,
                                    InventoryCollector c, Cancellation cancel) throws ImportException, IOException {
        JsonParser p;
        try {
            p = Parsers.JSON.getFactory().createParser(new NonClosing(in));
        } catch (CharConversionException e) {
            throw undecodable(source, false, null, e);
        }
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(ImportProblem.error("not-kubernetes", source,
                        location(p.currentTokenLocation()), "$: expected a Kubernetes List object"));
            }
            String listKind = "";
            String rv = "";
            String cont = "";
            long remaining = -1;
            int items = 0;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v == null) {
                    throw truncated(p, source, "$");
                }
                switch (field) {
                    case "items" -> {
                        if (v == JsonToken.START_ARRAY) {
                            items = streamItems(p, Parsers.JSON_TREE, "$.items", source, c, cancel, kind,
                                    apiVersion);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "metadata" -> {
                        JsonNode meta = Parsers.JSON_TREE.readTree(p);
                        rv = KubeObjects.text(meta, "resourceVersion");
                        cont = KubeObjects.text(meta, "continue");
                        JsonNode r = meta.get("remainingItemCount");
                        remaining = r != null && r.canConvertToLong() ? r.asLong() : -1;
                    }
                    case "kind" -> listKind = v == JsonToken.VALUE_STRING ? p.getText() : "";
                    default -> p.skipChildren();
                }
            }
            if (t == null) {
                throw truncated(p, source, "$");
            }
            return new ListPage(listKind, rv, cont, remaining, items);
        } catch (StreamConstraintsException e) {
            throw new ImportException(ImportProblem.error("limit-exceeded", source, location(p.currentLocation()),
                    e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            throw new ImportException(ImportProblem.error("malformed-json", source, location(loc),
                    ParserMessages.clean(e.getOriginalMessage())), e);
        } catch (CharConversionException e) {
            throw undecodable(source, false, p, e);
        }
    }

    /**
     * Reads one object. An {@code endpoints} list (EndpointSlices hold almost all of a big dump) is
     * turned into records straight from the token stream, without building a tree per endpoint.
     */
    private static void readItem(JsonParser p, ObjectReader reader, DumpSink c, String source,
                                 String location, String path, String kind, String apiVersion)
            throws IOException, ImportException {
        ObjectNode item = Parsers.JSON.createObjectNode();
        List<EndpointInfo> endpoints = null;
        String endpointsError = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (v == null) {
                throw truncated(p, source, path);
            }
            if (field.equals("endpoints") && v == JsonToken.START_ARRAY) {
                endpoints = new ArrayList<>();
                endpointsError = endpoints(p, c, endpoints);
            } else {
                item.set(field, tree(p, reader, field));
            }
        }
        if (t == null) {
            throw truncated(p, source, path);
        }
        if (kind != null && !item.hasNonNull("kind")) {
            item.put("kind", kind);
            item.put("apiVersion", apiVersion);
        }
        c.accept(item, endpoints, endpointsError, source, location, path);
    }

    /**
     * Reads the value the parser is on. JSON is read by {@link TokenTrees} (an object's
     * {@code metadata} without the fields no conversion reads); YAML by databind.
     *
     * @param field the value's field name in its object, "" for an array element
     */
    private static JsonNode tree(JsonParser p, ObjectReader reader, String field) throws IOException {
        if (reader != Parsers.JSON_TREE) {
            return reader.readTree(p);
        }
        return field.equals("metadata") ? TokenTrees.readMetadata(p) : TokenTrees.read(p);
    }

    /** @return null, or what was wrong with the list (the slice is then skipped with a warning) */
    private static String endpoints(JsonParser p, DumpSink c, List<EndpointInfo> out) throws IOException {
        String error = null;
        JsonToken t;
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                return "endpoints: the file ends inside the list (truncated?)";
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                error = error != null ? error : "endpoints[" + index + "]: expected an object";
                index++;
                continue;
            }
            List<String> addresses = List.of();
            String node = "";
            String topologyHost = "";
            Boolean ready = null;
            Boolean serving = null;
            Boolean terminating = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "addresses" -> {
                        if (v == JsonToken.START_ARRAY) {
                            List<String> a = new ArrayList<>(1);
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                if (p.currentToken() == null) {
                                    return "endpoints: the file ends inside the list (truncated?)";
                                }
                                if (p.currentToken() == JsonToken.VALUE_STRING) {
                                    a.add(p.getText());
                                } else {
                                    p.skipChildren();
                                    error = error != null ? error : "endpoints[" + index
                                            + "].addresses: expected strings";
                                }
                            }
                            addresses = a;
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "conditions" -> {
                        if (v == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String cond = p.currentName();
                                JsonToken cv = p.nextToken();
                                Boolean b = cv == JsonToken.VALUE_TRUE ? Boolean.TRUE
                                        : cv == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                                p.skipChildren();
                                switch (cond) {
                                    case "ready" -> ready = b;
                                    case "serving" -> serving = b;
                                    case "terminating" -> terminating = b;
                                    default -> {
                                    }
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "nodeName" -> node = v == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "topology" -> {
                        if (v == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                JsonToken tv = p.nextToken();
                                if (k.equals("kubernetes.io/hostname") && tv == JsonToken.VALUE_STRING) {
                                    topologyHost = p.getText();
                                }
                                p.skipChildren();
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() == null) {
                return "endpoints: the file ends inside the list (truncated?)";
            }
            boolean r = ready == null || ready;
            boolean sv = serving == null ? r : serving;
            boolean term = terminating != null && terminating;
            out.add(new EndpointInfo(addresses, c.intern(node.isEmpty() ? topologyHost : node), r, sv, term));
            index++;
        }
        return error;
    }

    private static ImportException truncated(JsonParser p, String source, String path) {
        return new ImportException(ImportProblem.error("truncated", source, location(p.currentLocation()),
                path + ": the file ends inside an object or list (truncated?)"));
    }

    /**
     * @return true when the parser stopped because the input ended: a {@link JsonEOFException}, or the
     *         "Unexpected end-of-input" Jackson reports between entries (a plain parse exception)
     */
    private static boolean endOfInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
            if (t instanceof JsonEOFException || (m != null && m.startsWith("Unexpected end-of-input"))) {
                return true;
            }
        }
        return false;
    }

    static String location(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> t.toString();
        };
    }

    /** Keeps the parser from closing the caller's stream (tar members share one stream). */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes
        }
    }
}
