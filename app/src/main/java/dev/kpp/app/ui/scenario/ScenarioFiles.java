package dev.kpp.app.ui.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.report.AtomicFiles;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.InputParser;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioOverrides;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.InvalidValueException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes scenario files: {@code {"format":"kpp-scenario","version":1,...}}, saved atomically.
 * Inputs are keyed by their scenario id ({@link ScenarioField#id()}); a file may leave inputs out (the
 * sample's or inventory's own value is used), and keys it does not know are ignored.
 */
public final class ScenarioFiles {
    /** The format marker. */
    public static final String FORMAT = "kpp-scenario";
    /** The version written. */
    public static final int VERSION = 1;
    /** The file name suffix. */
    public static final String SUFFIX = ".kpp-scenario.json";
    /** The inputs the window edits, and a file stores, in file order. */
    public static final List<ScenarioField> INPUTS = List.of(ScenarioField.SERVICES, ScenarioField.ENDPOINTS_PER_SERVICE,
            ScenarioField.NODE_PORT_SHARE, ScenarioField.LOAD_BALANCER_SHARE, ScenarioField.NODES,
            ScenarioField.CORES_PER_NODE, ScenarioField.REQUESTS_PER_SECOND, ScenarioField.REQUESTS_PER_CONNECTION,
            ScenarioField.ENDPOINT_CHANGES_PER_SECOND, ScenarioField.KERNEL, ScenarioField.KUBERNETES_VERSION,
            ScenarioField.PODS_PER_NODE, ScenarioField.POLICIES_PER_POD);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioFiles() {
    }

    /** A scenario file that cannot be read: a message key and its arguments. */
    public static final class ScenarioFileException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] args;

        ScenarioFileException(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args.clone();
        }

        /** @return the message key saying what is wrong */
        public String key() {
            return key;
        }

        /** @return the message's arguments */
        public Object[] args() {
            return args.clone();
        }
    }

    /** @return the window's inputs of a scenario, as a file stores them */
    public static ScenarioOverrides inputsOf(ScenarioParams p) {
        ScenarioOverrides o = ScenarioOverrides.none();
        for (ScenarioField f : INPUTS) {
            o = switch (f) {
                case KERNEL -> o.withKernel(p.kernel());
                case KUBERNETES_VERSION -> o.withKubernetesVersion(p.kubernetesVersion());
                default -> o.with(f, f.valueIn(p));
            };
        }
        return o;
    }

    /** @return the document as JSON text */
    public static String toJson(ScenarioDocument doc) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("savedBy", AppInfo.NAME + " " + AppInfo.version());
        ObjectNode source = root.putObject("source");
        if (doc.sample() != null) {
            source.put("kind", "sample");
            source.put("sample", doc.sample());
        } else {
            source.put("kind", "inventory");
            source.put("name", doc.inventoryName());
            ArrayNode paths = source.putArray("paths");
            doc.inventoryPaths().forEach(p -> paths.add(p.toAbsolutePath().toString()));
        }
        ObjectNode inputs = root.putObject("inputs");
        Map<ScenarioField, Object> values = doc.inputs().values();
        for (ScenarioField f : INPUTS) {
            Object v = values.get(f);
            if (v == null) {
                continue;
            }
            if (f.kind() == ScenarioField.Kind.VERSION) {
                inputs.put(f.id(), v.toString());
            } else if (f.kind() == ScenarioField.Kind.COUNT) {
                inputs.put(f.id(), Math.round((Double) v));
            } else {
                inputs.put(f.id(), (Double) v);
            }
        }
        ObjectNode budgets = root.putObject("budgets");
        doc.budgets().byKey().forEach(budgets::put);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes atomically: the file holds either the old or the new scenario, never half. */
    public static void write(Path file, ScenarioDocument doc) throws IOException {
        AtomicFiles.writeString(file, toJson(doc));
    }

    /** @return the path with the {@code .kpp-scenario.json} suffix added when it has none */
    public static Path withSuffix(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? file : file.resolveSibling(name + SUFFIX);
    }

    /**
     * Reads a scenario file.
     *
     * @throws ScenarioFileException  when the file is missing, not JSON, not a scenario or from a newer kpp
     * @throws InvalidValueException when an input's value is out of range or not of its kind
     */
    public static ScenarioDocument read(Path file) throws ScenarioFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ScenarioFileException("scenario.file.error.missing");
        } catch (JsonProcessingException e) {
            throw new ScenarioFileException("scenario.file.error.notJson",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new ScenarioFileException("scenario.file.error.unreadable", e.getClass().getSimpleName());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ScenarioFileException("scenario.file.error.notScenario");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1) {
            throw new ScenarioFileException("scenario.file.error.noVersion");
        }
        if (version > VERSION) {
            throw new ScenarioFileException("scenario.file.error.newer", version);
        }
        ScenarioOverrides inputs = ScenarioOverrides.none();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ScenarioField f = field(e.getKey());
            if (f == null || !INPUTS.contains(f) || e.getValue().isNull()) {
                continue;
            }
            JsonNode v = e.getValue();
            inputs = switch (f) {
                case KERNEL -> inputs.withKernel(InputParser.kernel(v.asText()));
                case KUBERNETES_VERSION -> inputs.withKubernetesVersion(InputParser.kubernetesVersion(v.asText()));
                default -> inputs.with(f, v.isNumber() ? v.asDouble() : InputParser.field(f, v.asText()));
            };
        }
        Map<Metric, Double> limits = new EnumMap<>(Metric.class);
        root.path("budgets").fields().forEachRemaining(e -> Metric.byKey(e.getKey()).ifPresent(m -> {
            if (e.getValue().isNumber() && e.getValue().asDouble() >= 0) {
                limits.put(m, e.getValue().asDouble());
            }
        }));
        JsonNode source = root.path("source");
        if ("inventory".equals(source.path("kind").asText())) {
            List<Path> paths = new ArrayList<>();
            for (JsonNode p : source.path("paths")) {
                try {
                    paths.add(Path.of(p.asText()));
                } catch (InvalidPathException e) {
                    throw new ScenarioFileException("scenario.file.error.badPath", p.asText());
                }
            }
            if (paths.isEmpty()) {
                throw new ScenarioFileException("scenario.file.error.noPaths");
            }
            return new ScenarioDocument(null, source.path("name").asText(""), paths, inputs, new Budgets(limits));
        }
        return new ScenarioDocument(source.path("sample").asText(""), "", List.of(), inputs, new Budgets(limits));
    }

    private static ScenarioField field(String id) {
        try {
            return ScenarioField.fromId(id);
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
