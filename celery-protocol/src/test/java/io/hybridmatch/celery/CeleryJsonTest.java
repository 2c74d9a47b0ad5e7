package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3.11's json.dumps prints for the same values. */
class CeleryJsonTest {

    private static String write(Object value) {
        return new String(CeleryJson.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void writesLikePythonJsonDumps() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("timestamp", 1795572168.4783936);
        map.put("freq", 2.0);
        map.put("big", 1e16);
        map.put("small", 1e-5);
        map.put("list", Arrays.asList(1, null, true, "é😀"));

        assertThat(write(map)).isEqualTo("{\"timestamp\": 1795572168.4783936, \"freq\": 2.0, \"big\": 1e+16, "
                + "\"small\": 1e-05, \"list\": [1, null, true, \"\\u00e9\\ud83d\\ude00\"]}");
        assertThat(write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[NaN, Infinity, -Infinity]");
    }
}
