package io.allice.platform.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The hand-written instant format must match {@link Instant#toString()} cut to whole seconds. */
class SecondsInstantSerializerTests {

    private final JsonMapper mapper = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, new JsonConfiguration.SecondsInstantSerializer()))
            .build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "1969-12-31T23:59:59.1Z"})
    void matchesInstantToStringAtTheEdges(String text) {
        assertFormat(Instant.parse(text));
    }

    @Test
    void matchesInstantToStringAcrossCenturies() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            assertFormat(Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(1_000_000_000)));
        }
    }

    private void assertFormat(Instant instant) {
        String expected = "\"" + instant.truncatedTo(ChronoUnit.SECONDS) + "\"";
        assertThat(mapper.writeValueAsString(instant)).as(instant.toString()).isEqualTo(expected);
    }
}
