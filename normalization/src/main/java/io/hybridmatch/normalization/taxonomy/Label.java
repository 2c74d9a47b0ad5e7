package io.hybridmatch.normalization.taxonomy;

/**
 * One way of naming a concept.
 *
 * @param language {@code fr}, {@code en}, or empty for both (abbreviations, loanwords: "K8s", "CACES")
 * @param listOnly too ambiguous for free text ("go", "R", "sage"): recognised only as a listed skill or a title
 */
public record Label(String language, String text, boolean listOnly) {

    /** {@code fr:texte}, {@code en:text}, {@code text}, with a leading {@code =} for list-only. */
    static Label parse(String field) {
        boolean listOnly = field.startsWith("=");
        String rest = listOnly ? field.substring(1) : field;
        if (rest.startsWith("fr:") || rest.startsWith("en:")) {
            return new Label(rest.substring(0, 2), rest.substring(3), listOnly);
        }
        return new Label("", rest, listOnly);
    }
}
