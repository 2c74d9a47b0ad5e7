package io.hybridmatch.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The known API keys, held as SHA-256 digests only: a presented key is hashed and compared with every digest in
 * constant time, so neither the keys nor the timing of a comparison give one away. Keys are high-entropy random
 * strings, so a plain digest (no salt, no slow hash) is enough to make a leaked file useless. The key file is
 * re-read when it changes (checked at most every {@value #RELOAD_CHECK_MILLIS} ms), so keys rotate without a
 * restart; a file that no longer parses keeps the previous keys and is reported in the log.
 */
public final class ApiKeys {

    static final long RELOAD_CHECK_MILLIS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MIN_KEY_LENGTH = 16;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private record StoredKey(byte[] sha256, Caller caller) {
    }

    private record FileState(long modifiedMillis, long size, Object fileKey) {
    }

    private final List<StoredKey> configured;
    private final Path file;
    private volatile List<StoredKey> fromFile = List.of();
    private volatile FileState fileState;
    private volatile long nextCheckMillis;

    /** Fails on any invalid record, so a deployment never starts with a key set other than the one intended. */
    public ApiKeys(ApiKeyProperties properties) {
        this.configured = parse(properties.apiKeys(), "hybridmatch.security.api-keys");
        this.file = properties.apiKeysFile();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("hybridmatch.security.api-keys-file: no such file " + file.toAbsolutePath());
            }
            reloadIfChanged();
            if (fileState == null) {
                throw new IllegalStateException("hybridmatch.security.api-keys-file " + file + " cannot be used (see the log)");
            }
        }
        checkUniqueNames();
        if (count() == 0) {
            log.warn("NO API KEY CONFIGURED (hybridmatch.security.api-keys / api-keys-file): every request "
                    + "except the open ones (/actuator/health) will be refused with 401");
        } else {
            log.info("{} API key(s) loaded{}", count(), file == null ? "" : " (file " + file + ")");
        }
    }

    /** The caller a presented key stands for, if it is known. */
    public Optional<Caller> authenticate(String presentedKey) {
        byte[] digest = sha256(presentedKey);
        Caller found = null;
        // every digest is compared (no early exit): the time taken does not depend on which key matched
        for (List<StoredKey> keys : List.of(configured, currentFileKeys())) {
            for (StoredKey key : keys) {
                if (MessageDigest.isEqual(key.sha256(), digest)) {
                    found = key.caller();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    int count() {
        return configured.size() + fromFile.size();
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private List<StoredKey> currentFileKeys() {
        if (file != null && System.currentTimeMillis() >= nextCheckMillis) {
            reloadIfChanged();
        }
        return fromFile;
    }

    private synchronized void reloadIfChanged() {
        if (System.currentTimeMillis() < nextCheckMillis) {
            return; // another thread just checked
        }
        nextCheckMillis = System.currentTimeMillis() + RELOAD_CHECK_MILLIS;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            FileState state = new FileState(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
            if (state.equals(fileState)) {
                return;
            }
            List<ApiKeyRecord> records = YAML.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<List<ApiKeyRecord>>() { });
            fromFile = parse(records == null ? List.of() : records, file.toString());
            if (fileState != null) {
                log.info("API key file {} changed: {} key(s) now", file, fromFile.size());
            }
            fileState = state;
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            // Jackson's message may quote the offending line, which may hold a key: report only where it failed
            String reason = e instanceof JacksonException json && json.getLocation() != null
                    ? "not valid YAML of key records near line " + json.getLocation().getLineNr()
                    : e instanceof JacksonException ? "not valid YAML of key records" : e.getMessage();
            log.error("API key file {} not loaded ({}); {}", file, reason,
                    fileState == null ? "no key from it is accepted" : "the previous keys stay in force");
        }
    }

    private static List<StoredKey> parse(List<ApiKeyRecord> records, String source) {
        List<StoredKey> keys = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            keys.add(parse(records.get(i), source + " #" + (i + 1)));
        }
        return List.copyOf(keys);
    }

    private static StoredKey parse(ApiKeyRecord record, String where) {
        if (record == null || record.name() == null || record.name().isBlank()) {
            throw new IllegalArgumentException(where + ": a key record needs a name");
        }
        String at = where + " ('" + record.name() + "')";
        if ((record.key() == null) == (record.sha256() == null)) {
            throw new IllegalArgumentException(at + ": give exactly one of key and sha256");
        }
        byte[] digest;
        if (record.sha256() != null) {
            if (!SHA256_HEX.matcher(record.sha256()).matches()) {
                throw new IllegalArgumentException(at + ": sha256 must be 64 hexadecimal digits");
            }
            digest = HexFormat.of().parseHex(record.sha256().toLowerCase(java.util.Locale.ROOT));
        } else {
            if (record.key().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException(at + ": a key needs at least " + MIN_KEY_LENGTH + " characters");
            }
            digest = sha256(record.key());
        }
        if (record.scopes() == null || record.scopes().isEmpty()) {
            throw new IllegalArgumentException(at + ": no scopes");
        }
        Set<Scope> scopes = new HashSet<>();
        for (String scope : record.scopes()) {
            try {
                scopes.add(Scope.of(scope));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage());
            }
        }
        String tenant = record.tenant() == null || record.tenant().isBlank() ? null : record.tenant();
        return new StoredKey(digest, new Caller(record.name(), tenant, scopes));
    }

    private void checkUniqueNames() {
        Set<String> names = new HashSet<>();
        Set<String> digests = new HashSet<>();
        for (StoredKey key : concat()) {
            if (!names.add(key.caller().keyName())) {
                throw new IllegalStateException("two API keys are named '" + key.caller().keyName() + "'");
            }
            if (!digests.add(HexFormat.of().formatHex(key.sha256()))) {
                throw new IllegalStateException("API key '" + key.caller().keyName() + "' is configured twice");
            }
        }
    }

    private List<StoredKey> concat() {
        List<StoredKey> all = new ArrayList<>(configured);
        all.addAll(fromFile);
        return all;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
