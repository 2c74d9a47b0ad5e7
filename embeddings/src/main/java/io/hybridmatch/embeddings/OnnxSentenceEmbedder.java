package io.hybridmatch.embeddings;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sentence embeddings computed in-process: tokenizer → ONNX Runtime transformer → pooling → L2 norm.
 * One session serves all threads (ONNX Runtime's {@code run} is thread-safe); each call runs its own batches.
 */
public final class OnnxSentenceEmbedder implements TextEmbedder {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final Set<String> KNOWN_INPUTS = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);

    private final SentenceModelOptions options;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final SentenceTokenizer tokenizer;
    private final String hiddenStateOutput;
    private final boolean takesTokenTypeIds;
    private final int dimension;
    private final AtomicBoolean closed = new AtomicBoolean();

    public OnnxSentenceEmbedder(SentenceModelOptions options) {
        this.options = options;
        this.environment = OrtEnvironmentHold.environment();
        this.session = openSession(environment, options);
        try {
            requireKnownInputs(session.getInputNames());
            this.takesTokenTypeIds = session.getInputNames().contains(TOKEN_TYPE_IDS);
            NamedTensor hiddenState = findHiddenStateOutput();
            this.hiddenStateOutput = hiddenState.name();
            this.tokenizer = new SentenceTokenizer(options.tokenizer(), options.maxSequenceLength());
            long declaredDimension = hiddenState.info().getShape()[2];
            // A graph may leave the dimension symbolic; one probe run then tells it.
            this.dimension = declaredDimension > 0 ? (int) declaredDimension
                    : embedBatch(List.of("dimension probe")).getFirst().length;
        } catch (RuntimeException e) {
            releaseNativeResources();
            throw e;
        }
    }

    /** The default model, all-MiniLM-L6-v2 from the classpath. */
    public static OnnxSentenceEmbedder allMiniLmL6V2() {
        return new OnnxSentenceEmbedder(SentenceModelOptions.allMiniLmL6V2());
    }

    @Override
    public String modelId() {
        return options.modelId();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public SentenceModelOptions options() {
        return options;
    }

    /**
     * Batches texts of similar length together, since every text in a batch is padded to the longest one,
     * then returns the vectors in input order.
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        EmbeddingInputs.requireEmbeddable(texts);
        Integer[] byLength = new Integer[texts.size()];
        Arrays.setAll(byLength, i -> i);
        Arrays.sort(byLength, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < byLength.length; from += options.batchSize()) {
            int to = Math.min(from + options.batchSize(), byLength.length);
            List<Integer> batch = Arrays.asList(byLength).subList(from, to);
            List<float[]> batchVectors = embedBatch(batch.stream().map(texts::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                vectors[batch.get(j)] = batchVectors.get(j);
            }
        }
        return List.of(vectors);
    }

    private List<float[]> embedBatch(List<String> texts) {
        TokenBatch batch = tokenizer.encode(texts);
        try (OnnxTensor ids = longTensor(batch.inputIds(), batch);
             OnnxTensor mask = longTensor(batch.attentionMask(), batch);
             OnnxTensor types = takesTokenTypeIds ? longTensor(batch.tokenTypeIds(), batch) : null) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(INPUT_IDS, ids);
            inputs.put(ATTENTION_MASK, mask);
            if (types != null) {
                inputs.put(TOKEN_TYPE_IDS, types);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(hiddenStateOutput))) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                return pool(hidden, batch);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX inference failed for model " + modelId(), e);
        }
    }

    private List<float[]> pool(OnnxTensor hidden, TokenBatch batch) {
        long[] shape = hidden.getInfo().getShape();
        if (shape.length != 3 || shape[0] != batch.size() || shape[1] != batch.sequenceLength()) {
            throw new IllegalStateException("Output " + hiddenStateOutput + " of model " + modelId()
                    + " is not [batch, tokens, dimension]: " + Arrays.toString(shape));
        }
        int width = (int) shape[2];
        FloatBuffer values = hidden.getFloatBuffer();
        List<float[]> vectors = new ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            float[] vector = options.pooling().pool(values, batch.attentionMask(), row, batch.sequenceLength(), width);
            vectors.add(options.normalise() ? Vectors.normaliseInPlace(vector) : vector);
        }
        return vectors;
    }

    private OnnxTensor longTensor(long[] values, TokenBatch batch) throws OrtException {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), batch.shape());
    }

    private record NamedTensor(String name, TensorInfo info) {
    }

    /**
     * The first output shaped [batch, tokens, dimension]: exports differ in output names and some add an already
     * pooled [batch, dimension] output next to it.
     */
    private NamedTensor findHiddenStateOutput() {
        Map<String, NodeInfo> outputs;
        try {
            outputs = session.getOutputInfo();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot read the outputs of ONNX model " + options.onnxModel(), e);
        }
        for (Map.Entry<String, NodeInfo> output : outputs.entrySet()) {
            if (output.getValue().getInfo() instanceof TensorInfo tensor && tensor.getShape().length == 3) {
                return new NamedTensor(output.getKey(), tensor);
            }
        }
        throw new IllegalArgumentException("ONNX model " + options.onnxModel()
                + " has no [batch, tokens, dimension] output: " + outputs.keySet());
    }

    private static void requireKnownInputs(Set<String> inputs) {
        if (!inputs.containsAll(Set.of(INPUT_IDS, ATTENTION_MASK)) || !KNOWN_INPUTS.containsAll(inputs)) {
            throw new IllegalArgumentException("Unsupported ONNX sentence model inputs " + inputs
                    + "; expected input_ids, attention_mask and optionally token_type_ids");
        }
    }

    private static OrtSession openSession(OrtEnvironment environment, SentenceModelOptions options) {
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            // A BERT encoder is one chain of operators: parallel branches would only add a second thread pool.
            sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            sessionOptions.setInterOpNumThreads(1);
            // Idle intra-op workers otherwise busy-wait for the next run, stealing cores from concurrent requests.
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            return switch (options.onnxModel()) {
                case ResourceLocation.File file -> environment.createSession(file.path().toString(), sessionOptions);
                case ResourceLocation.Classpath resource ->
                        environment.createSession(resource.readAllBytes(), sessionOptions);
            };
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load ONNX model " + options.onnxModel(), e);
        }
    }

    /** Releases the native session and tokenizer; the embedder must not be used afterwards. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            releaseNativeResources();
        }
    }

    private void releaseNativeResources() {
        if (tokenizer != null) { // null when the constructor failed before loading it
            tokenizer.close();
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot close ONNX session of model " + modelId(), e);
        }
    }
}
