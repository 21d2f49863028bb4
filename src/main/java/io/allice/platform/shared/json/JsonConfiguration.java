package io.allice.platform.shared.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

/**
 * The wire format: snake_case names (set in application.properties), UTC times with a
 * {@code Z} suffix to the second, and no silent coercion of a number or boolean into a
 * string field or of a string into a number, so a wrong type is a 400 that names the field.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer wireFormat() {
        return builder -> {
            SimpleModule times = new SimpleModule("allice-times");
            times.addSerializer(Instant.class, new SecondsInstantSerializer());
            builder.addModule(times);
            // Decimals are kept exact, so 1e400 is stored as sent instead of becoming Infinity.
            builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            builder.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
            // A key given twice in one object is a client mistake, not something to resolve silently.
            builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
            builder.withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
            for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                builder.withCoercionConfig(numeric, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
            }
        };
    }

    /**
     * Writes instants as {@code 2024-01-01T00:00:00Z}. Every record has two or three of them, so
     * the common four-digit years are written from the date's fields; other years go through
     * {@link Instant#toString()}.
     */
    static final class SecondsInstantSerializer extends StdSerializer<Instant> {

        SecondsInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
            if (time.getYear() < 0 || time.getYear() > 9999) {
                generator.writeString(value.truncatedTo(ChronoUnit.SECONDS).toString());
                return;
            }
            char[] text = new char[20];
            digits(text, 0, time.getYear(), 4);
            text[4] = '-';
            digits(text, 5, time.getMonthValue(), 2);
            text[7] = '-';
            digits(text, 8, time.getDayOfMonth(), 2);
            text[10] = 'T';
            digits(text, 11, time.getHour(), 2);
            text[13] = ':';
            digits(text, 14, time.getMinute(), 2);
            text[16] = ':';
            digits(text, 17, time.getSecond(), 2);
            text[19] = 'Z';
            generator.writeString(text, 0, text.length);
        }

        private static void digits(char[] text, int at, int number, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                text[i] = (char) ('0' + number % 10);
                number /= 10;
            }
        }
    }
}
