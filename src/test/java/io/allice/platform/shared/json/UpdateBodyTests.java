package io.allice.platform.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class UpdateBodyTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private UpdateBody body(String text) {
        return UpdateBody.of(json.readTree(text));
    }

    @Test
    void nullClearsOptionalField() {
        UpdateBody body = body("{\"note\": null, \"extra\": {\"a\": 1}}");

        assertThat(body.optionalText("title", value -> null)).isEqualTo(FieldChange.absent());
        assertThat(body.optionalText("note", value -> null)).isEqualTo(FieldChange.to(null));
        assertThat(body.optionalObject("extra", json)).isEqualTo(FieldChange.to(Map.of("a", 1)));
        body.validated();
    }

    @Test
    void reportsEveryInvalidField() {
        UpdateBody body = body("{\"title\": null, \"active\": null, \"count\": 3, \"meta\": [1]}");

        assertThat(body.requiredText("title", value -> null).present()).isFalse();
        assertThat(body.requiredBoolean("active").present()).isFalse();
        assertThat(body.requiredText("count", value -> null).present()).isFalse();
        assertThat(body.optionalObject("meta", json).present()).isFalse();

        assertThatThrownBy(body::validated).isInstanceOfSatisfying(ApiException.class, problem ->
                assertThat(problem.errors()).containsExactly(
                        new FieldViolation("title", "must not be null"),
                        new FieldViolation("active", "must not be null"),
                        new FieldViolation("count", "must be a string"),
                        new FieldViolation("meta", "must be a JSON object or null")));
    }

    @Test
    void rejectsFailedCheckAndNul() {
        UpdateBody body = body("{\"title\": \"\", \"note\": \"a\\u0000b\"}");

        body.requiredText("title", value -> value.isEmpty() ? "must not be blank" : null);
        body.optionalText("note", value -> null);

        assertThatThrownBy(body::validated).isInstanceOfSatisfying(ApiException.class, problem ->
                assertThat(problem.errors()).extracting(FieldViolation::field).containsExactly("title", "note"));
    }

    @Test
    void bodyMustBeAnObject() {
        assertThatThrownBy(() -> body("[]")).isInstanceOf(ApiException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> UpdateBody.of(null)).isInstanceOf(ApiException.class);
    }

    @Test
    void applyToSkipsAbsentField() {
        StringBuilder calls = new StringBuilder();

        FieldChange.<String>absent().applyTo(calls::append);
        FieldChange.to("set").applyTo(calls::append);
        FieldChange.<String>to(null).applyTo(value -> calls.append(value == null ? "cleared" : value));

        assertThat(calls).hasToString("setcleared");
    }
}
