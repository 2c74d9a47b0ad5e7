package io.hybridmatch.matching;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.hybridmatch.normalization.DocumentKind;
import io.hybridmatch.normalization.EducationLevel;
import io.hybridmatch.normalization.SkillDictionary;
import io.hybridmatch.normalization.taxonomy.Taxonomy;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Elasticsearch filter clauses of a request on the target index: the explicit filters, the tenant, and the
 * offer's must-have criteria. The same clauses restrict both retrievers, so every hit satisfies them.
 */
final class TargetFilters {

    private final SkillDictionary skills;
    private final Taxonomy taxonomy;

    TargetFilters(SkillDictionary skills, Taxonomy taxonomy) {
        this.skills = skills;
        this.taxonomy = taxonomy;
    }

    List<Query> of(MatchQuery query, Subject source, String tenant) {
        SearchIndex target = query.direction().target();
        boolean candidates = target.kind() == DocumentKind.CANDIDATE;
        String skillField = candidates ? "skills" : "required_skills";
        String experienceField = candidates ? "experience_years" : "min_experience_years";
        MatchFilters f = query.filters();
        List<Query> clauses = new ArrayList<>();
        if (tenant != null) {
            clauses.add(term("tenant_id", tenant));
        }
        if (!f.locations().isEmpty()) {
            Query inPlace = terms("location", f.locations());
            clauses.add(candidates ? inPlace : Query.of(q -> q.bool(b -> b.should(inPlace, term("is_remote", true)))));
        }
        if (!f.seniorities().isEmpty()) {
            clauses.add(terms("seniority", f.seniorities().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()));
        }
        skills.normalize(f.skills()).forEach(skill -> clauses.add(term(skillField, skill)));
        if (f.remote() != null && !candidates) {
            clauses.add(term("is_remote", f.remote()));
        }
        if (f.minExperience() != null || f.maxExperience() != null) {
            clauses.add(Query.of(q -> q.range(r -> r.number(n -> {
                n.field(experienceField);
                if (f.minExperience() != null) {
                    n.gte(f.minExperience().doubleValue());
                }
                if (f.maxExperience() != null) {
                    n.lte(f.maxExperience().doubleValue());
                }
                return n;
            }))));
        }
        if (f.since() != null) {
            String field = candidates ? "updated_at" : "posted_at";
            clauses.add(Query.of(q -> q.range(r -> r.date(d -> d.field(field).gte(f.since().toString())))));
        }
        if (query.direction() == MatchDirection.CANDIDATES_FOR_OFFER) {
            clauses.addAll(mustHaves(query, source));
        }
        return clauses;
    }

    /**
     * The offer's criteria marked MUST, as filters on candidates (a remote offer has no location to require). Must-have
     * skills are its core skills, those its candidates are scored on: a description's passing mention (the company's
     * tools) would otherwise drop every candidate who lacks it.
     */
    private List<Query> mustHaves(MatchQuery query, Subject offer) {
        List<Query> clauses = new ArrayList<>();
        if (must(query, Criterion.SKILLS)) {
            offer.coreSkills().forEach(skill -> clauses.add(term("skills", skill)));
        }
        if (must(query, Criterion.OCCUPATION) && offer.occupation() != null) {
            // the same occupation or trade (as occupation fit scores it); adjacent ones are scored, not kept
            clauses.add(terms("occupation", taxonomy.sameOccupations(offer.occupation())));
        }
        if (must(query, Criterion.LOCATION) && !offer.remote() && offer.location() != null) {
            clauses.add(term("location", offer.location()));
        }
        if (must(query, Criterion.SENIORITY) && offer.seniority() != null) {
            clauses.add(term("seniority", offer.seniority().code()));
        }
        if (must(query, Criterion.EXPERIENCE) && offer.years() != null) {
            clauses.add(Query.of(q -> q.range(r -> r.number(n -> n.field("experience_years").gte(offer.years().doubleValue())))));
        }
        if (must(query, Criterion.LANGUAGES)) {
            offer.languages().forEach(language -> clauses.add(term("languages", language)));
        }
        if (must(query, Criterion.EDUCATION) && offer.education() != null) {
            clauses.add(terms("education", Arrays.stream(EducationLevel.values())
                    .filter(level -> level.rank() >= offer.education().rank()).map(EducationLevel::code).toList()));
        }
        return clauses;
    }

    private static boolean must(MatchQuery query, Criterion criterion) {
        return query.importance().get(criterion) == Importance.MUST;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static Query term(String field, boolean value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }
}
