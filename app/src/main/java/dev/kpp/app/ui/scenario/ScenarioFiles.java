package dev.kpp.app.ui.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.report.AtomicFiles;
import dev.kpp.app.ui.session.Budgets;
import dev.kpp.app.ui.session.ScenarioInputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes scenario files: {@code {"format":"kpp-scenario","version":1,...}}, saved atomically. */
public final class ScenarioFiles {
    /** The format marker. */
    public static final String FORMAT = "kpp-scenario";
    /** The version written. */
    public static final int VERSION = 1;
    /** The file name suffix. */
    public static final String SUFFIX = ".kpp-scenario.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioFiles() {
    }

    /** A scenario file that cannot be read; the message is readable as it stands. */
    public static final class ScenarioFileException extends Exception {
        private static final long serialVersionUID = 1L;

        ScenarioFileException(String message) {
            super(message);
        }
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
        ScenarioInputs in = doc.inputs();
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("services", in.services());
        inputs.put("endpointsPerService", in.endpointsPerService());
        inputs.put("nodePortShare", in.nodePortShare());
        inputs.put("loadBalancerShare", in.loadBalancerShare());
        inputs.put("nodes", in.nodes());
        inputs.put("coresPerNode", in.coresPerNode());
        inputs.put("requestsPerSecond", in.requestsPerSecond());
        inputs.put("requestsPerConnection", in.requestsPerConnection());
        inputs.put("endpointChangesPerSecond", in.endpointChangesPerSecond());
        inputs.put("kernel", in.kernel());
        inputs.put("kubernetesVersion", in.kubernetesVersion());
        ObjectNode budgets = root.putObject("budgets");
        doc.budgets().limits().forEach(budgets::put);
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
     * @throws ScenarioFileException with a readable reason when the file is missing, not JSON, not a
     *                               scenario, from a newer kpp or incomplete
     */
    public static ScenarioDocument read(Path file) throws ScenarioFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ScenarioFileException("the file does not exist");
        } catch (JsonProcessingException e) {
            throw new ScenarioFileException("not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ScenarioFileException("cannot read it: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ScenarioFileException("not a kpp scenario file (\"format\" is not \"kpp-scenario\")");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1) {
            throw new ScenarioFileException("\"version\" is missing");
        }
        if (version > VERSION) {
            throw new ScenarioFileException("written by a newer kpp (format version " + version + ")");
        }
        JsonNode in = root.path("inputs");
        ScenarioInputs inputs = new ScenarioInputs(longField(in, "services"), (int) longField(in, "endpointsPerService"),
                number(in, "nodePortShare"), number(in, "loadBalancerShare"), (int) longField(in, "nodes"),
                number(in, "coresPerNode"), number(in, "requestsPerSecond"), number(in, "requestsPerConnection"),
                number(in, "endpointChangesPerSecond"), text(in, "kernel"), text(in, "kubernetesVersion"));
        Map<String, Double> limits = new LinkedHashMap<>();
        root.path("budgets").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                limits.put(e.getKey(), e.getValue().asDouble());
            }
        });
        JsonNode source = root.path("source");
        if ("inventory".equals(source.path("kind").asText())) {
            List<Path> paths = new ArrayList<>();
            for (JsonNode p : source.path("paths")) {
                try {
                    paths.add(Path.of(p.asText()));
                } catch (InvalidPathException e) {
                    throw new ScenarioFileException("inventory path \"" + p.asText() + "\" is not a valid path");
                }
            }
            return new ScenarioDocument(null, source.path("name").asText(""), paths, inputs, new Budgets(limits));
        }
        return new ScenarioDocument(source.path("sample").asText(""), "", List.of(), inputs, new Budgets(limits));
    }

    private static JsonNode required(JsonNode in, String name) throws ScenarioFileException {
        JsonNode n = in.get(name);
        if (n == null || n.isNull()) {
            throw new ScenarioFileException("input \"" + name + "\" is missing");
        }
        return n;
    }

    private static double number(JsonNode in, String name) throws ScenarioFileException {
        JsonNode n = required(in, name);
        if (!n.isNumber()) {
            throw new ScenarioFileException("input \"" + name + "\" must be a number");
        }
        return n.asDouble();
    }

    private static long longField(JsonNode in, String name) throws ScenarioFileException {
        return Math.round(number(in, name));
    }

    private static String text(JsonNode in, String name) throws ScenarioFileException {
        return required(in, name).asText();
    }
}
