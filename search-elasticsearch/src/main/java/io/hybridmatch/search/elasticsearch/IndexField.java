package io.hybridmatch.search.elasticsearch;

/** One field of an index schema, named as in the documents the service receives. */
public record IndexField(String name, FieldKind kind) {
}
