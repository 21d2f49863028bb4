package io.allice.platform.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Stored JSON text goes out unchanged; a value in memory is serialized as usual; null stays null. */
class StoredJsonTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void writesTextUnchanged() {
        String text = "{\"b\": [1, 2.50, \"x\\\"y\"], \"a\": {}}";

        assertThat(mapper.writeValueAsString(List.of(StoredJson.ofText(text)))).isEqualTo("[" + text + "]");
    }

    @Test
    void serializesValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("n", 1);
        value.put("list", List.of("a"));

        assertThat(mapper.writeValueAsString(StoredJson.of(value))).isEqualTo("{\"n\":1,\"list\":[\"a\"]}");
    }

    @Test
    void nullInEitherFormIsNull() {
        assertThat(StoredJson.ofText(null)).isNull();
        assertThat(StoredJson.of(null)).isNull();
    }
}
