package io.allice.platform.shared.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A JSON value in a response, kept either as the text a JSON column returned or as an object in
 * memory. The text is written out unchanged: a list of records with JSON columns would otherwise
 * parse every value into maps only to write the same JSON again.
 */
@JsonSerialize(using = StoredJson.Writer.class)
public final class StoredJson {

    private final String text;
    private final Object value;

    private StoredJson(String text, Object value) {
        this.text = text;
        this.value = value;
    }

    /** Wraps JSON text read from the database, or returns null for SQL NULL. */
    public static StoredJson ofText(String text) {
        return text == null ? null : new StoredJson(text, null);
    }

    /** Wraps a value that Jackson serializes when the response is written, or returns null for null. */
    public static StoredJson of(Object value) {
        return value == null ? null : new StoredJson(null, value);
    }

    @Override
    public String toString() {
        return text != null ? text : String.valueOf(value);
    }

    static final class Writer extends StdSerializer<StoredJson> {

        Writer() {
            super(StoredJson.class);
        }

        @Override
        public void serialize(StoredJson json, JsonGenerator generator, SerializationContext context) {
            if (json.text != null) {
                generator.writeRawValue(json.text);
            } else {
                context.writeValue(generator, json.value);
            }
        }
    }
}
