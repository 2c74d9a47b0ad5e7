package io.hybridmatch.engine.api;

import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.util.Set;
import java.util.TreeSet;

/** A request named an index this deployment does not serve. */
public class UnknownIndexException extends RuntimeException {

    private final Set<String> known;

    public UnknownIndexException(String name, Set<String> known) {
        super("unknown index '" + name + "'; known indexes: " + new TreeSet<>(known));
        this.known = Set.copyOf(known);
    }

    /** The search index a path names, or this exception listing the ones there are. */
    public static SearchIndex searchIndex(String name) {
        return SearchIndex.byAlias(name).orElseThrow(() -> new UnknownIndexException(name, SearchIndex.aliases()));
    }

    public Set<String> known() {
        return known;
    }
}
