package io.hybridmatch.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys from configuration ({@code hybridmatch.security.api-keys}) and/or a secret file
 * ({@code hybridmatch.security.api-keys-file}, same records in YAML, re-read when it changes). No key at all means
 * every protected endpoint answers 401: there is no unauthenticated mode.
 */
@ConfigurationProperties("hybridmatch.security")
public record ApiKeyProperties(List<ApiKeyRecord> apiKeys, Path apiKeysFile) {

    public ApiKeyProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }
}
