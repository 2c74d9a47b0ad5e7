package io.hybridmatch.search.elasticsearch;

import static io.hybridmatch.search.elasticsearch.FieldKind.BOOLEAN;
import static io.hybridmatch.search.elasticsearch.FieldKind.DATE;
import static io.hybridmatch.search.elasticsearch.FieldKind.INTEGER;
import static io.hybridmatch.search.elasticsearch.FieldKind.KEYWORD;
import static io.hybridmatch.search.elasticsearch.FieldKind.TEXT;

import io.hybridmatch.normalization.DocumentKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The indexes and their seed schema. Each is a versioned concrete index (e.g. {@code candidates-v1},
 * created from the index template of the same name) behind a stable alias ({@code candidates}) that
 * all reads and writes use. Changing a schema incompatibly means bumping {@link #SCHEMA_VERSION}.
 *
 * <p>{@code is_remote} is a boolean: it is a yes/no flag, filtered with a term query, and Elasticsearch
 * still accepts the strings {@code "true"}/{@code "false"} that CSV-like seed data may carry.
 * Beyond the seed: the taxonomy {@code occupation} the title or headline names, normalised {@code seniority}, {@code education}, {@code languages}, the owner {@code tenant_id}
 * (matching never crosses it) and {@code indexed_at} (index freshness). Adding a field needs no new version: it is
 * added to an existing index's mapping on start.
 */
public enum SearchIndex {

    CANDIDATES("candidates", DocumentKind.CANDIDATE, List.of(
            new IndexField("first_name", KEYWORD),
            new IndexField("last_name", KEYWORD),
            new IndexField("headline", TEXT),
            new IndexField("occupation", KEYWORD),
            new IndexField("summary", TEXT),
            new IndexField("skills", KEYWORD),
            new IndexField("location", KEYWORD),
            new IndexField("experience_years", INTEGER),
            new IndexField("updated_at", DATE),
            new IndexField("seniority", KEYWORD),
            new IndexField("education", KEYWORD),
            new IndexField("languages", KEYWORD),
            new IndexField("tenant_id", KEYWORD),
            new IndexField("indexed_at", DATE))),

    JOB_OFFERS("job_offers", DocumentKind.JOB_OFFER, List.of(
            new IndexField("title", TEXT),
            new IndexField("occupation", KEYWORD),
            new IndexField("description", TEXT),
            new IndexField("company", KEYWORD),
            new IndexField("location", KEYWORD),
            new IndexField("seniority", KEYWORD),
            new IndexField("is_remote", BOOLEAN),
            new IndexField("required_skills", KEYWORD),
            new IndexField("core_skills", KEYWORD),
            new IndexField("posted_at", DATE),
            new IndexField("updated_at", DATE),
            new IndexField("min_experience_years", INTEGER),
            new IndexField("education", KEYWORD),
            new IndexField("languages", KEYWORD),
            new IndexField("tenant_id", KEYWORD),
            new IndexField("indexed_at", DATE)));

    public static final int SCHEMA_VERSION = 1;

    private final String alias;
    private final DocumentKind kind;
    @SuppressWarnings("ImmutableEnumChecker") // List.copyOf in the constructor
    private final List<IndexField> fields;

    SearchIndex(String alias, DocumentKind kind, List<IndexField> fields) {
        this.alias = alias;
        this.kind = kind;
        this.fields = List.copyOf(fields);
    }

    /** The index whose alias (the name clients use: {@code candidates}, {@code job_offers}) is {@code alias}. */
    public static Optional<SearchIndex> byAlias(String alias) {
        return Arrays.stream(values()).filter(index -> index.alias.equals(alias)).findFirst();
    }

    public static Set<String> aliases() {
        return Arrays.stream(values()).map(SearchIndex::alias).collect(Collectors.toUnmodifiableSet());
    }

    /** The index that stores documents of a kind. */
    public static SearchIndex of(DocumentKind kind) {
        return kind == DocumentKind.CANDIDATE ? CANDIDATES : JOB_OFFERS;
    }

    /** The kind of document it stores. */
    public DocumentKind kind() {
        return kind;
    }

    /** The name to read and write through. */
    public String alias() {
        return alias;
    }

    /** The concrete index of the current schema version; its index template has the same name. */
    public String versionedName() {
        return alias + "-v" + SCHEMA_VERSION;
    }

    /** The record field whose value becomes the document {@code _id} (it is not stored as a field). */
    public String idField() {
        return kind.idField();
    }

    public List<IndexField> fields() {
        return fields;
    }

    public boolean isTextField(String name) {
        return fields.stream().anyMatch(field -> field.kind() == TEXT && field.name().equals(name));
    }
}
