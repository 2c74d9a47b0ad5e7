package io.hybridmatch.engine;

import io.hybridmatch.security.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The API keys the engine's tests configure: one per kind of caller the security tests need. */
final class TestKeys {

    record Key(String name, String key, String tenant, String scopes) {
    }

    static final String ALL_SCOPES = "match,vectors:read,vectors:write,admin,metrics";
    /** every scope, every tenant: what the functional tests use */
    static final Key ADMIN = new Key("test-admin", "test-admin-key-7d1f0c2a9b", null, ALL_SCOPES);
    static final Key MATCH_ONLY = new Key("test-match", "test-match-key-51c9e3b0f7", null, "match");
    static final Key METRICS_ONLY = new Key("test-metrics", "test-metrics-key-0a8d6e4c21", null, "metrics");
    static final Key ACME = new Key("acme-match", "test-acme-key-93b7a1d5e0", "acme", "match");
    /** bound to a tenant although it holds every scope: the all-tenant endpoints must still refuse it */
    static final Key ACME_ALL_SCOPES = new Key("acme-all", "test-acme-all-key-c4e2f81b6d", "acme", ALL_SCOPES);
    static final Key GLOBEX = new Key("globex-match", "test-globex-key-2f6b8d0e4a", "globex", "match");

    static final List<Key> ALL = List.of(ADMIN, MATCH_ONLY, METRICS_ONLY, ACME, ACME_ALL_SCOPES, GLOBEX);

    /** One more key, in a key file (as its SHA-256), scopes match and vectors:read; SecurityIT rotates it. */
    static final String FILE_KEY = "file-key-one-8c1d5e7f2a9b";
    static final Path KEY_FILE = keyFile();

    private TestKeys() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("hybridmatch.security.api-keys-file", KEY_FILE::toString);
        List<String> args = arguments(ALL);
        for (String arg : args) {
            String[] kv = arg.substring(2).split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
    }

    /** Replaces the key file as an operator rotating keys would: a new file moved over the old one. */
    static void writeKeyFile(Path file, String name, String key) throws IOException {
        Path next = Files.createTempFile(file.getParent(), "next", ".yml");
        Files.writeString(next, "# name, SHA-256 of the key, tenant, scopes\n- name: " + name + "\n  sha256: "
                + ApiKeys.sha256Hex(key) + "\n  scopes: [match, vectors:read]\n");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path keyFile() {
        try {
            Path file = Files.createTempFile("hybridmatch-api-keys", ".yml");
            writeKeyFile(file, "file-key", FILE_KEY);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys as Spring Boot command-line arguments, for engines the tests start themselves. */
    static List<String> arguments(List<Key> keys) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            String prefix = "--hybridmatch.security.api-keys[" + i + "].";
            out.add(prefix + "name=" + k.name());
            out.add(prefix + "key=" + k.key());
            out.add(prefix + "scopes=" + k.scopes());
            if (k.tenant() != null) {
                out.add(prefix + "tenant=" + k.tenant());
            }
        }
        return out;
    }
}
