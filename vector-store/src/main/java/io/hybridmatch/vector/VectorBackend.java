package io.hybridmatch.vector;

/**
 * Where vectors live ({@code hybridmatch.vector-store}): FAISS files that one engine owns (the worker writes through
 * the engine's API), or Elasticsearch {@code dense_vector} indexes {@code vectors-<entity>} shared by any number of
 * engines and workers.
 */
public enum VectorBackend { FAISS, ELASTICSEARCH }
