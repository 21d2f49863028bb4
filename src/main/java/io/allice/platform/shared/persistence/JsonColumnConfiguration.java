package io.allice.platform.shared.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Hibernate 7.2 reads and writes JSON columns. It uses Jackson 2, and reads decimal
 * numbers as BigDecimal here, so a number stored from a request comes back exactly as sent,
 * even one beyond the range of a double.
 */
@Configuration(proxyBeanMethods = false)
class JsonColumnConfiguration {

    @Bean
    HibernatePropertiesCustomizer jsonColumnFormat() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        return properties -> properties.put(AvailableSettings.JSON_FORMAT_MAPPER, new JacksonJsonFormatMapper(mapper));
    }
}
