package io.hybridmatch.engine.api;

import java.util.Set;
import java.util.TreeSet;

/** A request named an index this deployment does not serve. */
public class UnknownIndexException extends RuntimeException {

    private final Set<String> known;

    public UnknownIndexException(String name, Set<String> known) {
        super("unknown index '" + name + "'; known indexes: " + new TreeSet<>(known));
        this.known = Set.copyOf(known);
    }

    public Set<String> known() {
        return known;
    }
}
