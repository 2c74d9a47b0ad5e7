package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3.11's repr() prints for the same values. */
class PythonReprTest {

    @Test
    void reprsContainersAndScalarsLikePython() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("candidate_id", "42");
        map.put("skills", List.of("java", "spring"));
        map.put("ok", true);
        map.put("none", null);
        map.put("n", 7L);

        assertThat(PythonRepr.of(List.of(map)))
                .isEqualTo("[{'candidate_id': '42', 'skills': ['java', 'spring'], 'ok': True, 'none': None, 'n': 7}]");
        assertThat(PythonRepr.of(Map.of())).isEqualTo("{}");
        assertThat(PythonRepr.of(Arrays.asList(1, null))).isEqualTo("[1, None]");
    }

    @Test
    void quotesStringsLikePython() {
        assertThat(PythonRepr.of("Développeur Java")).isEqualTo("'Développeur Java'");
        assertThat(PythonRepr.of("it's")).isEqualTo("\"it's\"");
        assertThat(PythonRepr.of("it's \"x\"")).isEqualTo("'it\\'s \"x\"'");
        assertThat(PythonRepr.of("a\\b\nc\td\u0001")).isEqualTo("'a\\\\b\\nc\\td\\x01'");
    }

    @Test
    void floatsUsePythonsShortestForm() {
        assertThat(PythonRepr.floatRepr(3.5)).isEqualTo("3.5");
        assertThat(PythonRepr.floatRepr(100.0)).isEqualTo("100.0");
        assertThat(PythonRepr.floatRepr(1e7)).isEqualTo("10000000.0");
        assertThat(PythonRepr.floatRepr(0.1)).isEqualTo("0.1");
        assertThat(PythonRepr.floatRepr(1e-4)).isEqualTo("0.0001");
        assertThat(PythonRepr.floatRepr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonRepr.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(PythonRepr.floatRepr(-1.5e300)).isEqualTo("-1.5e+300");
        assertThat(PythonRepr.floatRepr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonRepr.floatRepr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonRepr.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void cutsLongValues() {
        assertThat(PythonRepr.of("x".repeat(2000), 1024)).hasSize(1027).endsWith("xx...");
    }

    @Test
    void listsAsTuples() {
        assertThat(PythonRepr.tuple(java.util.List.of(5, 0.2, false))).isEqualTo("(5, 0.2, False)");
        assertThat(PythonRepr.tuple(java.util.List.of("x"))).isEqualTo("('x',)");
        assertThat(PythonRepr.tuple(java.util.List.of())).isEqualTo("()");
    }
}
