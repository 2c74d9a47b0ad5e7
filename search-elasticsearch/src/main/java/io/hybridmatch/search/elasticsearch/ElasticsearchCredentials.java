package io.hybridmatch.search.elasticsearch;

import java.util.function.Function;

/**
 * How to authenticate to a secured cluster: an API key (the {@code encoded} value Elasticsearch returns when the key
 * is created, sent as {@code Authorization: ApiKey <encoded>}) or a user name and password (basic authentication).
 * Blank values count as absent; with neither, the URL's user info (if any) is used.
 */
public record ElasticsearchCredentials(String username, String password, String apiKey) {

    public static ElasticsearchCredentials none() {
        return new ElasticsearchCredentials(null, null, null);
    }

    /**
     * From the services' configuration: {@code hybridmatch.elasticsearch.username}, {@code .password},
     * {@code .api-key}, looked up with {@code property} (e.g. a Spring {@code Environment}'s {@code getProperty}).
     */
    public static ElasticsearchCredentials fromProperties(Function<String, String> property) {
        return new ElasticsearchCredentials(property.apply("hybridmatch.elasticsearch.username"),
                property.apply("hybridmatch.elasticsearch.password"), property.apply("hybridmatch.elasticsearch.api-key"));
    }

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    boolean hasUsername() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "ElasticsearchCredentials[username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", apiKey=" + (hasApiKey() ? "***" : "none") + "]";
    }
}
