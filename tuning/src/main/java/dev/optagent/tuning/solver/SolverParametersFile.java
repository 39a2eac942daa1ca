package dev.optagent.tuning.solver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optagent.solvers.SolverParameters;
import dev.optagent.tuning.study.StudyFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file {@code tune solver} writes and {@code solve-model --solver-params} reads:
 * {@code {"cpSat": {name: value}, "scip": {name: value}, "tuning": {how it was found}}}.
 */
public final class SolverParametersFile {

    private SolverParametersFile() {
    }

    public static void write(Path file, SolverParameters parameters, Map<String, Object> provenance) {
        ObjectNode root = StudyFile.JSON.createObjectNode();
        root.set("cpSat", StudyFile.JSON.valueToTree(parameters.cpSat()));
        root.set("scip", StudyFile.JSON.valueToTree(parameters.scip()));
        root.set("tuning", StudyFile.JSON.valueToTree(provenance));
        try {
            dev.optagent.formulation.io.AtomicFile.write(file, StudyFile.JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static SolverParameters read(Path file) {
        JsonNode root;
        try {
            root = StudyFile.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read solver parameters from " + file + ": " + e.getMessage(), e);
        }
        return fromJson(root, file.toString());
    }

    /** Reads {"cpSat": {...}, "scip": {...}}; values may be strings, numbers or booleans. */
    public static SolverParameters fromJson(JsonNode root, String where) {
        if (root == null || !root.isObject() || (!root.has("cpSat") && !root.has("scip"))) {
            throw new IllegalArgumentException(where + " holds no solver parameters (expected {\"cpSat\": {...}} or {\"scip\": {...}})");
        }
        return new SolverParameters(section(root.get("cpSat"), where, "cpSat"), section(root.get("scip"), where, "scip"));
    }

    private static Map<String, String> section(JsonNode node, String where, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw new IllegalArgumentException(where + ": \"" + name + "\" must be an object of name: value");
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode()) throw new IllegalArgumentException(where + ": " + name + "." + e.getKey() + " must be a single value");
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
