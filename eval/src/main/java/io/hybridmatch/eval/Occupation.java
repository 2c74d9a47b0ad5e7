package io.hybridmatch.eval;

import java.util.List;

/**
 * A latent occupation of the synthetic data set: titles in French and English, the skills its people have
 * (canonical names, written by documents in any of their aliases), sentences describing the work in each
 * language, and the near-miss occupations it is often confused with.
 */
record Occupation(String key, List<String> titlesFr, List<String> titlesEn, List<String> skills, List<String> workFr,
                  List<String> workEn, List<String> related) {
}
