package io.hybridmatch.search.elasticsearch;

/**
 * How to authenticate to a secured cluster: an API key (the {@code encoded} value Elasticsearch returns when the key
 * is created, sent as {@code Authorization: ApiKey <encoded>}) or a user name and password (basic authentication).
 * Blank values count as absent; with neither, the URL's user info (if any) is used. The services configure them
 * in {@link ElasticsearchSettings}.
 */
public record ElasticsearchCredentials(String username, String password, String apiKey) {

    public static ElasticsearchCredentials none() {
        return new ElasticsearchCredentials(null, null, null);
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
