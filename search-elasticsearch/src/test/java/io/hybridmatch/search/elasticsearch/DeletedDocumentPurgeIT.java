package io.hybridmatch.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasure proven on the node's files: a candidate with a distinctive name is indexed, deleted and purged, then every
 * file of the candidates index on the node's disk is scanned for the name (the node must be local to read them).
 */
@ExtendWith(LocalElasticsearchExtension.class)
class DeletedDocumentPurgeIT {

    private static ElasticsearchClient client;
    private static URI url;

    @BeforeAll
    static void ensureIndexes(URI elasticsearch) throws IOException {
        url = elasticsearch;
        client = ElasticsearchClients.create(elasticsearch);
        SearchIndexes.ensure(client);
    }

    @AfterAll
    static void closeClient() throws IOException {
        client.close();
    }

    @Test
    void aPurgedDocumentIsInNoFileOfItsIndex() throws Exception {
        String alias = SearchIndex.CANDIDATES.alias();
        Path indexDir = indexDirectory(alias);
        assumeTrue(Files.isDirectory(indexDir), "the node's data directory is not on this machine: " + indexDir);
        String name = "Erasurewitness" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        for (int id = 1; id <= 30; id++) {
            index(alias, 880_000 + id, "Keep" + id);
        }
        index(alias, 880_042, name);
        client.indices().flush(f -> f.index(alias));
        assertThat(filesHolding(indexDir, name)).as("the scan finds the document before erasure").isNotEmpty();

        client.delete(d -> d.index(alias).id("880042").refresh(Refresh.True));
        assertThat(client.get(g -> g.index(alias).id("880042"), Map.class).found()).isFalse();
        assertThat(hits(alias, name)).isZero();
        assertThat(filesHolding(indexDir, name)).as("a delete alone leaves the source on disk").isNotEmpty();

        DeletedDocumentPurge.Result result = new DeletedDocumentPurge(client).purge(alias, Duration.ofMinutes(2));

        assertThat(result.deletedBefore()).isPositive();
        assertThat(filesHolding(indexDir, name)).isEmpty();
        assertThat(hits(alias, name)).isZero();
        assertThat(client.get(g -> g.index(alias).id("880007"), Map.class).found()).as("others stay").isTrue();
        assertThat(hits(alias, "Keep7")).isEqualTo(1);
        System.out.printf("purge of %s: %d deleted docs before, %d after, %d ms%n", alias, result.deletedBefore(),
                result.deletedAfter(), result.took().toMillis());
    }

    @Test
    void anIndexWithoutDeletedDocumentsIsLeftAlone() throws IOException {
        String index = "purge-nothing-" + ThreadLocalRandom.current().nextInt(1_000_000);
        client.index(i -> i.index(index).id("1").document(Map.of("field", "value")).refresh(Refresh.True));
        DeletedDocumentPurge.Result result = new DeletedDocumentPurge(client).purge(index, Duration.ofSeconds(1));
        assertThat(result.deletedBefore()).isZero();
        client.indices().delete(d -> d.index(index));
    }

    private static void index(String alias, long id, String firstName) throws IOException {
        client.index(i -> i.index(alias).id(Long.toString(id))
                .document(Map.of("first_name", firstName, "last_name", "Witness", "location", "Paris")));
        client.indices().refresh(r -> r.index(alias));
    }

    private static long hits(String alias, String firstName) throws IOException {
        return client.count(c -> c.index(alias).query(q -> q.term(t -> t.field("first_name").value(firstName)))).count();
    }

    /** The index's directory on the node (the typed client cannot decode this distribution's node settings). */
    private static Path indexDirectory(String alias) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(url.resolve("/_nodes/_local/settings")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode path = new ObjectMapper().readTree(body).get("nodes").elements().next().at("/settings/path/data");
            String data = path.isArray() ? path.get(0).asText() : path.asText();
            String uuid = client.indices().stats(s -> s.index(alias)).indices().values().iterator().next().uuid();
            return Path.of(data).resolve("indices").resolve(uuid);
        }
    }

    private static List<String> filesHolding(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(read(file), needle))
                    .map(Path::toString).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Latin-1 maps each byte to one char, so a substring search is a byte-sequence search. */
    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
