package dev.kpp.importer.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kpp.importer.codec.WellFormedText;
import dev.kpp.importer.spi.ImportProblem;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Watches the token stream for what a tree would silently absorb: a key given twice in one object
 * ({@code duplicate-key}: the last value wins, as in Jackson and Go), and in YAML a merge key
 * {@code <<} ({@code yaml-merge-key}: not expanded, so the merged fields are missing) or an alias
 * {@code *name} ({@code yaml-alias}: read as the string {@code name}, never expanded, which keeps
 * alias bombs harmless). Each warning names the file, line:column and the JSON path.
 */
final class CheckingParser extends JsonParserDelegate {
    private final boolean yaml;
    private final String source;
    private final DumpSink sink;
    /** The field names of each open object, by depth (reused: no allocation per object). */
    private Keys[] stack = new Keys[16];
    private int depth;
    private int document;
    private final WellFormedText.Checker text;

    /**
     * Field names of one open object: the first {@link #SMALL} in an array scanned linearly (Jackson
     * canonicalises field names, so most comparisons are one reference check), a set only for
     * bigger objects. Kubernetes objects are small: an endpoint has five keys, its conditions three.
     */
    private static final class Keys {
        static final int SMALL = 12;
        final String[] names = new String[SMALL];
        int n;
        Set<String> more;

        void reset() {
            n = 0;
            more = null;
        }

        /** @return false when the name was already there */
        boolean add(String name) {
            for (int i = 0; i < n; i++) {
                String k = names[i];
                if (k == name || (k.hashCode() == name.hashCode() && k.equals(name))) {
                    return false;
                }
            }
            if (n < SMALL) {
                names[n++] = name;
                return true;
            }
            if (more == null) {
                more = new HashSet<>();
            }
            return more.add(name);
        }
    }

    CheckingParser(JsonParser d, boolean yaml, String source, DumpSink sink) {
        super(d);
        this.yaml = yaml;
        this.source = source;
        this.sink = sink;
        this.text = new WellFormedText.Checker(!yaml);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (t == null) {
            return null;
        }
        text.check(delegate, t);
        switch (t) {
            case START_OBJECT -> {
                if (depth++ == 0) {
                    document++;
                }
                keysAt(depth - 1).reset();
            }
            case START_ARRAY -> {
                if (depth++ == 0) {
                    document++;
                }
            }
            case END_OBJECT, END_ARRAY -> depth--;
            case FIELD_NAME -> fieldName();
            default -> {
                if (depth == 0) {
                    document++;
                }
                if (yaml && t == JsonToken.VALUE_STRING && delegate instanceof YAMLParser y && y.isCurrentAlias()) {
                    warn("yaml-alias", "an alias (*" + delegate.getText() + ") is not expanded: the value is read as "
                            + "the string '" + delegate.getText() + "'");
                }
            }
        }
        return t;
    }

    private void fieldName() throws IOException {
        String name = delegate.currentName();
        Keys keys = depth > 0 ? keysAt(depth - 1) : new Keys();
        if (!keys.add(name)) {
            warn("duplicate-key", "the key '" + name + "' appears twice in one object; the last value is used");
        }
        if (yaml && name.equals("<<")) {
            warn("yaml-merge-key", "a YAML merge key (<<) is not supported: the merged fields are missing "
                    + "(write them out)");
        }
    }

    private Keys keysAt(int i) {
        if (i >= stack.length) {
            stack = Arrays.copyOf(stack, Math.max(i + 1, 2 * stack.length));
        }
        Keys k = stack[i];
        if (k == null) {
            k = new Keys();
            stack[i] = k;
        }
        return k;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken t = delegate.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            delegate.skipChildren();
            depth--;
        }
        return this;
    }

    private void warn(String code, String detail) {
        String path = path(delegate.getParsingContext().pathAsPointer());
        sink.problem(ImportProblem.warning(code, source, KubeDumpReader.location(delegate.currentTokenLocation()),
                (document > 1 ? "document " + document + ": " : "") + path + ": " + detail));
    }

    /** @return a JSON path such as {@code $.items[3].spec.ports[0]} */
    static String path(JsonPointer ptr) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonPointer p = ptr; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                sb.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                String prop = p.getMatchingProperty();
                if (prop.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    sb.append('.').append(prop);
                } else {
                    sb.append("['").append(prop.replace("'", "\\'")).append("']");
                }
            }
        }
        return sb.toString();
    }
}
