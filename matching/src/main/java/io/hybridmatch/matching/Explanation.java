package io.hybridmatch.matching;

import java.util.List;
import java.util.Map;

/**
 * Why a hit scored what it did.
 *
 * @param categories  per category (retrieval, skills, seniority, …): its score in [0, 1], weight and contribution
 *                    (weight × score / total weight); categories a side does not state are left out
 * @param retrievers  which retriever found it, at which rank (1-based) and with which raw score
 */
public record Explanation(List<String> matchedSkills, List<String> missingSkills, Map<String, Category> categories,
                          Map<String, Retrieval> retrievers, double fusedScore) {

    public record Category(double score, double weight, double contribution) {
    }

    public record Retrieval(int rank, double score) {
    }
}
