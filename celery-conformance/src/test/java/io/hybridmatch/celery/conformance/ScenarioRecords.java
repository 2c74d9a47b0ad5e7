package io.hybridmatch.celery.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the Python runner observed of one worker: per scenario (in run order), the observations or the error. */
record ScenarioRecords(Map<String, JsonNode> byScenario) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ScenarioRecords read(Path jsonLines) throws IOException {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        if (Files.exists(jsonLines)) {
            for (String line : Files.readAllLines(jsonLines)) {
                if (!line.isBlank()) {
                    JsonNode record = JSON.readTree(line);
                    records.put(record.get("scenario").asString(), record);
                }
            }
        }
        return new ScenarioRecords(records);
    }

    /** The observations, or null when the scenario did not run. */
    JsonNode observed(String scenario) {
        JsonNode record = byScenario.get(scenario);
        return record == null ? null : record.get("observed");
    }

    /** The runner's traceback when the scenario itself broke, else null. */
    String error(String scenario) {
        JsonNode record = byScenario.get(scenario);
        return record == null || !record.has("error") ? null : record.get("error").asString();
    }
}
