package io.hybridmatch.engine;

import java.util.List;

/** A valid request of every operation of the engine's contract, for the tests that try each endpoint. */
final class SampleCalls {

    /** A valid request of each contract operation, with a placeholder {tenant} where a tenant can be named. */
    record Call(String operationId, String method, String path, String body) {

        @Override
        public String toString() {
            return operationId;
        }
    }

    static final List<Call> ALL = List.of(
            new Call("embed", "POST", "/embeddings", "{\"texts\":[\"Java developer\"]}"),
            new Call("vectorSearch", "POST", "/faiss/search", "{\"index\":\"candidates\",\"vector\":" + vector(7) + ",\"top_k\":3}"),
            new Call("vectorUpsert", "POST", "/faiss/upsert", "{\"index\":\"candidates\",\"items\":[{\"id\":7450900,\"vector\":" + vector(8) + "}]}"),
            new Call("vectorDelete", "POST", "/faiss/delete", "{\"index\":\"candidates\",\"ids\":[7450901]}"),
            new Call("vectorIndex", "GET", "/faiss/indexes/candidates", null),
            new Call("vectorById", "GET", "/faiss/indexes/candidates/vectors/1", null),
            new Call("matchCandidates", "POST", "/match/candidates", "{\"job_offer\":{\"job_offer_id\":7450199,\"title\":\"Java developer\",\"updated_at\":\"2026-11-01T00:00:00Z\"},\"size\":3}"),
            new Call("matchOffers", "POST", "/match/offers", "{\"candidate\":{\"candidate_id\":7450099,\"headline\":\"Java developer\",\"updated_at\":\"2026-11-01T00:00:00Z\"},\"size\":3}"),
            new Call("feedback", "POST", "/feedback", "{\"search_id\":\"sec\",\"result_id\":1,\"rank\":1,\"event\":\"impression\",\"fusion\":\"security-test\"}"),
            new Call("feedbackRates", "GET", "/feedback/rates?k=5", null),
            new Call("consistencyCheck", "GET", "/admin/consistency/job_offers", null),
            new Call("consistencyRepair", "POST", "/admin/consistency/job_offers/repair", null),
            new Call("consistencyDocuments", "GET", "/admin/consistency/job_offers/documents", null),
            new Call("erase", "POST", "/admin/erasure", "{\"index\":\"job_offers\",\"ids\":[7450902]}"),
            new Call("purgeDeleted", "POST", "/admin/erasure/purge", null),
            new Call("listBackups", "GET", "/admin/backups", null),
            new Call("createBackup", "POST", "/admin/backups", null));

    static String vector(long seed) {
        StringBuilder out = new StringBuilder("[");
        for (float x : UnitVectors.random(384, seed)) {
            out.append(out.length() > 1 ? "," : "").append(x);
        }
        return out.append(']').toString();
    }

    private SampleCalls() {
    }
}
