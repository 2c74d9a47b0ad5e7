package io.hybridmatch.search.elasticsearch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a candidate or job-offer record (field name to value, as received) into the document
 * to index: the id field becomes {@code _id}, schema fields are copied, fields outside the schema
 * are left out (the mapping is strict), and text fields get their language siblings.
 */
public final class DocumentBuilder {

    private final SearchIndex index;
    private final TextAnalysis textAnalysis;

    public DocumentBuilder(SearchIndex index, TextAnalysis textAnalysis) {
        this.index = index;
        this.textAnalysis = textAnalysis;
    }

    public IndexedDocument build(Map<String, ?> record) {
        Object id = record.get(index.idField());
        if (id == null || id.toString().isBlank()) {
            throw new IllegalArgumentException(index.alias() + " record without " + index.idField());
        }
        Map<String, Object> source = new LinkedHashMap<>();
        for (IndexField field : index.fields()) {
            Object value = record.get(field.name());
            if (value == null) {
                continue;
            }
            source.put(field.name(), value);
            if (field.kind() == FieldKind.TEXT) {
                if (!(value instanceof CharSequence text)) {
                    throw new IllegalArgumentException(field.name() + " must be a string, was " + value.getClass());
                }
                source.putAll(textAnalysis.languageFields(field.name(), text.toString()));
            }
        }
        return new IndexedDocument(id.toString(), source);
    }
}
