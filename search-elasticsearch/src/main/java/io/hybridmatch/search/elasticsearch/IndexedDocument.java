package io.hybridmatch.search.elasticsearch;

import java.util.Map;

/** A document ready to index: its {@code _id} and its JSON source. */
public record IndexedDocument(String id, Map<String, Object> source) {
}
