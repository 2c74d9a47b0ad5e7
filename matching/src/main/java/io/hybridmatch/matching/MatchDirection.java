package io.hybridmatch.matching;

import io.hybridmatch.search.elasticsearch.SearchIndex;

/** Which side is the query and which side is searched. */
public enum MatchDirection {
    /** An offer (indexed or inline) → the best candidates. */
    CANDIDATES_FOR_OFFER(SearchIndex.JOB_OFFERS, SearchIndex.CANDIDATES),
    /** A candidate (indexed or inline) → the best offers. */
    OFFERS_FOR_CANDIDATE(SearchIndex.CANDIDATES, SearchIndex.JOB_OFFERS);

    private final SearchIndex source;
    private final SearchIndex target;

    MatchDirection(SearchIndex source, SearchIndex target) {
        this.source = source;
        this.target = target;
    }

    public SearchIndex source() {
        return source;
    }

    public SearchIndex target() {
        return target;
    }
}
