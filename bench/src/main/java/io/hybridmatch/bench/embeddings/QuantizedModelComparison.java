package io.hybridmatch.bench.embeddings;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.elasticsearch.local.LocalElasticsearch;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchOptions;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.SentenceModelOptions;
import io.hybridmatch.eval.DataSetGenerator;
import io.hybridmatch.eval.RelevanceEvaluation;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 against its int8-quantised build (all-minilm-l6-v2-q), in one run: texts/s one text per call and
 * in batches of 64 (two rounds alternating the models, so drift of the shared machine hits both), then the relevance
 * evaluation of eval/ (same labelled data set, same pipeline, an ephemeral Elasticsearch node) with each model.
 *
 * <p>Usage: {@code QuantizedModelComparison [texts=1024]}
 */
public final class QuantizedModelComparison {

    private static final List<String> MODELS = List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q");
    private static final int BATCH = 64;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        DataSetGenerator.DataSet data = new DataSetGenerator(42).generate(55, 5);
        List<String> texts = data.candidates().stream()
                .map(c -> c.get("headline") + ". " + c.get("summary")).limit(n).toList();
        Map<String, List<Double>> single = new LinkedHashMap<>();
        Map<String, List<Double>> batched = new LinkedHashMap<>();
        MODELS.forEach(m -> {
            single.put(m, new ArrayList<>());
            batched.put(m, new ArrayList<>());
        });
        for (int round = 0; round < 2; round++) {
            for (String model : MODELS) {
                try (OnnxSentenceEmbedder embedder = new OnnxSentenceEmbedder(SentenceModelOptions.bundled(model))) {
                    embedder.embed(texts.subList(0, BATCH)); // warm-up
                    long start = System.nanoTime();
                    texts.subList(0, n / 4).forEach(embedder::embed);
                    int singles = n / 4;
                    single.get(model).add(singles / ((System.nanoTime() - start) / 1e9));
                    start = System.nanoTime();
                    for (int i = 0; i < n; i += BATCH) {
                        embedder.embed(texts.subList(i, Math.min(n, i + BATCH)));
                    }
                    batched.get(model).add(n / ((System.nanoTime() - start) / 1e9));
                }
            }
        }
        System.out.printf("%d texts (generated CV headlines and summaries), %d cores%n%n", n,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| model | one text per call, texts/s | batches of 64, texts/s |\n|---|---|---|");
        for (String model : MODELS) {
            System.out.printf("| %s | %s | %s |%n", model, rates(single.get(model)), rates(batched.get(model)));
        }
        System.out.printf("int8 / float: %.2f× one per call, %.2f× batched%n%n",
                mean(single.get(MODELS.get(1))) / mean(single.get(MODELS.get(0))),
                mean(batched.get(MODELS.get(1))) / mean(batched.get(MODELS.get(0))));

        try (LocalElasticsearch node = LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral());
             ElasticsearchClient es = ElasticsearchClients.create(node.url())) {
            for (String model : MODELS) {
                try (CachingTextEmbedder embedder = new CachingTextEmbedder(
                        new OnnxSentenceEmbedder(SentenceModelOptions.bundled(model)), 10_000)) {
                    System.out.printf("Relevance with %s (eval's two labelled sets, every query):%n%s%n", model,
                            RelevanceEvaluation.retrievers(es, embedder, Files.createTempDirectory("eval-" + model),
                                    RelevanceEvaluation.shippedSets()));
                }
            }
        }
    }

    private static String rates(List<Double> rounds) {
        return String.format("%.1f (rounds %s)", mean(rounds),
                rounds.stream().map(r -> String.format("%.1f", r)).toList());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
