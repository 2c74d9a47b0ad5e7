package io.hybridmatch.search.elasticsearch;

/** The Elasticsearch field types the schema uses. */
public enum FieldKind {
    KEYWORD,
    /** Full text; also indexed per language in {@code <field>_fr} and {@code <field>_en}. */
    TEXT,
    INTEGER,
    DATE,
    BOOLEAN
}
