package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.nodes.info.NodeInfo;
import java.io.IOException;
import java.util.Collection;

/**
 * Where language analysis (stemming, stop words, elision) happens. Elasticsearch's language
 * analyzers live in its analysis-common module, which some distributions (the integ-test zip used
 * locally) lack; without it the Java side analyses with the same Lucene analyzers instead.
 */
public enum TextAnalysisMode {

    /** {@code <field>_fr}/{@code _en} use the server's {@code french}/{@code english} analyzers. */
    SERVER,

    /**
     * Lucene runs in this JVM on documents and queries; the server only splits the resulting
     * terms on whitespace (the {@code whitespace} analyzer is part of the core server).
     */
    CLIENT;

    static final String ANALYSIS_COMMON_MODULE = "analysis-common";
    static final String CLIENT_MODE_ANALYZER = "whitespace";

    /** SERVER when every node of the cluster has the analysis-common module, else CLIENT. */
    public static TextAnalysisMode detect(ElasticsearchClient client) throws IOException {
        Collection<NodeInfo> nodes = client.nodes().info(request -> request.metric("plugins")).nodes().values();
        boolean everywhere = !nodes.isEmpty() && nodes.stream().allMatch(node -> node.modules().stream()
                .anyMatch(module -> ANALYSIS_COMMON_MODULE.equals(module.name())));
        return everywhere ? SERVER : CLIENT;
    }

    /** The analyzer of the field that holds text in {@code language}. */
    String fieldAnalyzer(TextLanguage language) {
        return this == SERVER ? language.serverAnalyzer() : CLIENT_MODE_ANALYZER;
    }
}
