package io.hybridmatch.worker.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API key the worker presents to the engine: {@code hybridmatch.engine.api-key} (env
 * {@code HYBRIDMATCH_ENGINE_API_KEY}) or the first line of {@code hybridmatch.engine.api-key-file}. Needs scopes
 * {@code vectors:read} and {@code vectors:write} on a key without tenant.
 */
final class EngineApiKey {

    private static final Logger log = LoggerFactory.getLogger(EngineApiKey.class);

    private EngineApiKey() {
    }

    static String from(IndexingProperties.Engine engine) {
        String key = engine.apiKey();
        String file = engine.apiKeyFile();
        if ((key == null || key.isBlank()) && file != null && !file.isBlank()) {
            try {
                key = Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            } catch (IOException e) {
                throw new UncheckedIOException("hybridmatch.engine.api-key-file " + file + " cannot be read", e);
            }
        }
        if (key == null || key.isBlank()) {
            log.warn("No hybridmatch.engine.api-key or api-key-file: the engine will refuse vector writes (401), so "
                    + "indexing tasks will wait and retry until a key is configured");
            return null;
        }
        return key;
    }
}
