package io.hybridmatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key records from configuration and from a key file: what is accepted, what is refused, and with which message. */
class ApiKeysTest {

    private static final String KEY = "a-long-random-key-1f6c2e9d";

    @TempDir
    Path dir;

    private static ApiKeyRecord record(String name, String key, String sha256, String tenant, List<String> scopes) {
        return new ApiKeyRecord(name, key, sha256, tenant, scopes);
    }

    private static ApiKeys configured(ApiKeyRecord... records) {
        return new ApiKeys(new ApiKeyProperties(List.of(records), null));
    }

    @Test
    void aKeyOrItsDigestAuthenticatesAsItsCaller() {
        ApiKeys keys = configured(
                record("plain", KEY, null, "acme", List.of("match")),
                record("hashed", null, ApiKeys.sha256Hex("another-long-key-8b3e0c7a").toUpperCase(Locale.ROOT), null,
                        List.of("vectors:read", "vectors:write")));
        assertThat(keys.authenticate(KEY)).contains(new Caller("plain", "acme", Set.of(Scope.MATCH)));
        assertThat(keys.authenticate("another-long-key-8b3e0c7a")).hasValueSatisfying(caller -> {
            assertThat(caller.allTenants()).isTrue();
            assertThat(caller.scopes()).containsExactlyInAnyOrder(Scope.VECTORS_READ, Scope.VECTORS_WRITE);
        });
        assertThat(keys.authenticate(KEY + "x")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
    }

    @Test
    void invalidRecordsAreRefusedWithoutQuotingTheKey() {
        String shortKey = "short-key";
        assertThatThrownBy(() -> configured(record("a", KEY, ApiKeys.sha256Hex(KEY), null, List.of("match"))))
                .hasMessageContaining("exactly one of key and sha256").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> configured(record("b", shortKey, null, null, List.of("match"))))
                .hasMessageContaining("at least 16 characters").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> configured(record("c", KEY, null, null, List.of("match", "root"))))
                .hasMessageContaining("unknown scope 'root'").hasMessageContaining("vectors:write");
        assertThatThrownBy(() -> configured(record("d", KEY, null, null, List.of())))
                .hasMessageContaining("no scopes");
        assertThatThrownBy(() -> configured(record(null, KEY, null, null, List.of("match"))))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> configured(record("e", null, "abc", null, List.of("match"))))
                .hasMessageContaining("64 hexadecimal digits");
        assertThatThrownBy(() -> configured(record("f", KEY, null, null, List.of("match")),
                record("f", "other-long-key-0000000", null, null, List.of("match")))).hasMessageContaining("two API keys are named 'f'");
        assertThatThrownBy(() -> configured(record("g", KEY, null, null, List.of("match")),
                record("h", null, ApiKeys.sha256Hex(KEY), null, List.of("admin")))).hasMessageContaining("configured twice");
    }

    @Test
    void theKeyFileHoldsTheSameRecordsInYaml() throws IOException {
        Path file = dir.resolve("keys.yml");
        Files.writeString(file, """
                # comment
                - name: worker
                  sha256: %s
                  scopes: [vectors:read, "vectors:write"]
                - name: acme
                  sha256: %s
                  tenant: acme
                  scopes:
                    - match
                """.formatted(ApiKeys.sha256Hex(KEY), ApiKeys.sha256Hex("acme-key-7c0e5b2a9d")));
        ApiKeys keys = new ApiKeys(new ApiKeyProperties(List.of(), file));
        assertThat(keys.authenticate(KEY)).hasValueSatisfying(c -> assertThat(c.scopes()).contains(Scope.VECTORS_READ, Scope.VECTORS_WRITE));
        assertThat(keys.authenticate("acme-key-7c0e5b2a9d")).hasValueSatisfying(c -> assertThat(c.tenant()).isEqualTo("acme"));
    }

    @Test
    void aMissingOrBrokenKeyFileStopsTheStart() throws IOException {
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(), dir.resolve("absent.yml"))))
                .hasMessageContaining("no such file");
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "- name: x\n  key: " + KEY + "\n  scopes: [match\n");
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(), file)))
                .hasMessageContaining("cannot be used").hasMessageNotContaining(KEY);
        Files.writeString(file, "- name: x\n  sha256: " + ApiKeys.sha256Hex(KEY) + "\n  scopes: [match]\n  role: admin\n");
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(), file))).hasMessageContaining("cannot be used");
    }

    @Test
    void noKeyAtAllIsAllowedButAuthenticatesNothing() {
        assertThat(configured().authenticate(KEY)).isEmpty();
    }
}
