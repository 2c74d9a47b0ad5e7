package io.hybridmatch.vector.http;

import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's indexes as a {@link VectorStoreRegistry}; nothing is called until a store is used. The API key needs
 * scopes {@code vectors:read} and {@code vectors:write} and no tenant.
 */
public final class HttpVectorStores {

    private HttpVectorStores() {
    }

    public static VectorStoreRegistry connect(URI engine, Collection<String> names, String apiKey) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI base = engine.toString().endsWith("/") ? engine : URI.create(engine + "/");
        Map<String, VectorStore> stores = new LinkedHashMap<>();
        names.forEach(name -> stores.put(name, new HttpVectorStore(http, base, name, apiKey)));
        return VectorStoreRegistry.of(stores);
    }
}
