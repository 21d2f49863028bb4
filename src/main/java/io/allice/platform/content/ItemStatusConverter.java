package io.allice.platform.content;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link ItemStatus} in its lower-case wire spelling, which the table's check constraint lists. */
@Converter
class ItemStatusConverter implements AttributeConverter<ItemStatus, String> {

    @Override
    public String convertToDatabaseColumn(ItemStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public ItemStatus convertToEntityAttribute(String value) {
        return value == null ? null : ItemStatus.parse(value)
                .orElseThrow(() -> new IllegalStateException("Unknown item status in the database: " + value));
    }
}
