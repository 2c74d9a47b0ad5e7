package io.hybridmatch.normalization;

import java.util.Optional;

/** A skill the taxonomy has no label for → the nearest canonical skill, when one is near enough. */
@FunctionalInterface
public interface UnknownSkills {

    /** Unknown skills stay as written (folded). */
    UnknownSkills KEEP = skill -> Optional.empty();

    Optional<String> nearest(String skill);
}
