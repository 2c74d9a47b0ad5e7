package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.json.JsonData;
import java.util.Arrays;
import java.util.List;

/**
 * The mapping of an index for a text-analysis mode. Its {@code _meta} records the schema version
 * and the mode, so that an existing index is always read and written the way it was built.
 */
final class IndexMappings {

    static final String META_SCHEMA_VERSION = "schema_version";
    static final String META_TEXT_ANALYSIS = "text_analysis";

    private IndexMappings() {
    }

    static TypeMapping of(SearchIndex index, TextAnalysisMode mode) {
        TypeMapping.Builder mapping = new TypeMapping.Builder()
                .dynamic(DynamicMapping.Strict)
                .meta(META_SCHEMA_VERSION, JsonData.of(SearchIndex.SCHEMA_VERSION))
                .meta(META_TEXT_ANALYSIS, JsonData.of(mode.name()));
        for (IndexField field : index.fields()) {
            mapping.properties(field.name(), property(field, mode));
            if (field.kind() == FieldKind.TEXT) {
                for (TextLanguage language : TextLanguage.values()) {
                    mapping.properties(language.fieldName(field.name()), Property.of(property -> property
                            .text(text -> text.analyzer(mode.fieldAnalyzer(language)))));
                }
            }
        }
        return mapping.build();
    }

    /** The mode recorded in a mapping built by {@link #of}. */
    static TextAnalysisMode modeOf(String indexName, TypeMapping mapping) {
        JsonData mode = mapping.meta().get(META_TEXT_ANALYSIS);
        if (mode == null) {
            throw new IllegalStateException("index " + indexName + " has no _meta." + META_TEXT_ANALYSIS
                    + ": it was not created by this schema; delete it or migrate it");
        }
        return TextAnalysisMode.valueOf(mode.to(String.class));
    }

    private static Property property(IndexField field, TextAnalysisMode mode) {
        return switch (field.kind()) {
            case KEYWORD -> Property.of(property -> property.keyword(keyword -> keyword));
            // In SERVER mode the server fills the language siblings itself, so documents carry the text once.
            case TEXT -> Property.of(property -> property.text(text -> mode == TextAnalysisMode.SERVER
                    ? text.copyTo(languageFields(field.name()))
                    : text));
            case INTEGER -> Property.of(property -> property.integer(integer -> integer));
            case DATE -> Property.of(property -> property.date(date -> date));
            case BOOLEAN -> Property.of(property -> property.boolean_(bool -> bool));
        };
    }

    private static List<String> languageFields(String field) {
        return Arrays.stream(TextLanguage.values()).map(language -> language.fieldName(field)).toList();
    }
}
