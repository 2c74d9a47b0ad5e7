package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Places by their free-text names, the same however often and after however many other texts they are asked. */
class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.bundled();

    @Test
    void aPlaceIsFoundByItsNameAnAliasOrAWordOfTheText() {
        assertThat(gazetteer.find("Londres")).map(Gazetteer.Place::name).contains("london");
        assertThat(gazetteer.find("Île-de-France")).map(Gazetteer.Place::name).contains("paris");
        assertThat(gazetteer.find("Villeurbanne, Lyon 69")).map(Gazetteer.Place::name).contains("lyon");
        assertThat(gazetteer.find("Atlantis")).isEmpty();
        assertThat(gazetteer.find("Londres")).as("asked again").map(Gazetteer.Place::name).contains("london");
        assertThat(gazetteer.find("Atlantis")).as("asked again").isEmpty();
    }

    @Test
    void textsPastTheRememberedOnesAreStillFound() {
        for (int i = 0; i < 10_001; i++) {
            assertThat(gazetteer.find("Nowhere " + i)).isEmpty();
        }
        assertThat(gazetteer.find("Marseille 13")).map(Gazetteer.Place::name).contains("marseille");
        assertThat(gazetteer.distanceKm("Paris", "Lyon")).hasValueSatisfying(km -> assertThat(km).isBetween(390.0, 395.0));
    }
}
