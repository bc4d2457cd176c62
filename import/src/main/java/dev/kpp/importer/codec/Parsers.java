package dev.kpp.importer.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The configured Jackson factories, created once (STYLE.md section 10: no mapper per call). Both
 * formats share limits that keep hostile input from exhausting memory or the stack: nesting depth,
 * string and number length. YAML additionally limits aliases (alias bombs); Jackson's YAML parser
 * reports an alias as a plain value and never expands it. SnakeYAML's character reader is replaced
 * ({@link LinearStreamReader}): scanning stays linear and the string limit holds while a scalar is
 * scanned.
 */
public final class Parsers {
    /** Deepest nesting accepted; Kubernetes objects, managedFields included, stay far below it. */
    public static final int MAX_NESTING = 200;
    /** Longest string value (annotations such as last-applied-configuration can reach a few MB). */
    public static final int MAX_STRING = 32 << 20;
    /** Aliases allowed per YAML document. */
    public static final int MAX_YAML_ALIASES = 50;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(MAX_STRING)
            .maxNumberLength(64)
            .maxNameLength(64 << 10)
            .build();

    /** JSON: streaming factory and tree mapper. */
    public static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());
    /** YAML: streaming factory and tree mapper with safe loader options. */
    public static final ObjectMapper YAML = new ObjectMapper(yamlFactory());
    /** Reads one JSON value into a tree. */
    public static final ObjectReader JSON_TREE = JSON.reader();
    /** Reads one YAML value into a tree. */
    public static final ObjectReader YAML_TREE = YAML.reader();

    private Parsers() {
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(MAX_YAML_ALIASES);
        lo.setNestingDepthLimit(MAX_NESTING);
        lo.setAllowRecursiveKeys(false);
        lo.setCodePointLimit(Integer.MAX_VALUE); // big dumps are legitimate; string/nesting limits still hold
        return new BoundedYamlFactory(YAMLFactory.builder().loaderOptions(lo).streamReadConstraints(LIMITS)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE), MAX_STRING);
    }
}
