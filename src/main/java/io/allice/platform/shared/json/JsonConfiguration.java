package io.allice.platform.shared.json;

import java.time.Instant;
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

    /** Writes instants as {@code 2024-01-01T00:00:00Z}. */
    static final class SecondsInstantSerializer extends StdSerializer<Instant> {

        SecondsInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }
}
