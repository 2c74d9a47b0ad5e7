package io.hybridmatch.matching;

import java.util.List;
import java.util.Map;

/**
 * Why a hit scored what it did.
 *
 * @param matchedSkills  required skills the candidate holds, or implies by a narrower one
 * @param missingSkills  required skills with no credit at all
 * @param inferredSkills required skills credited through another skill or the candidate's occupation
 * @param occupations    the offer's and the candidate's occupation ids and their fit (same / adjacent / unrelated),
 *                       when both name one; empty otherwise
 * @param categories     per category (retrieval, skills, occupation, …): its score in [0, 1], weight and contribution
 *                       (weight × score / total weight); categories the offer does not state are left out, and
 *                       one it states that the candidate does not say scores 0.5 (unknown)
 * @param retrievers     which retriever found it, at which rank (1-based) and with which raw score
 */
public record Explanation(List<String> matchedSkills, List<String> missingSkills, List<InferredSkill> inferredSkills,
                          Map<String, String> occupations, Map<String, Category> categories,
                          Map<String, Retrieval> retrievers, double fusedScore) {

    public record Category(double score, double weight, double contribution) {
    }

    public record Retrieval(int rank, double score) {
    }

    /**
     * @param relation narrower (the candidate holds a narrower skill: full credit), broader, related, or typical (of
     *                 the candidate's occupation)
     * @param via      the candidate's skill, or occupation for {@code typical}
     */
    public record InferredSkill(String skill, String relation, String via, double credit) {
    }
}
