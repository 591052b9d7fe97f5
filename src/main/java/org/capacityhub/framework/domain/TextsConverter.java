package org.capacityhub.framework.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores {@link Texts} as a JSON object keyed by language. */
@Converter(autoApply = true)
public class TextsConverter implements AttributeConverter<Texts, String> {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(Texts texts) {
        return texts == null || texts.isEmpty() ? null : JSON.writeValueAsString(texts.asMap());
    }

    @Override
    public Texts convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return Texts.EMPTY;
        }
        return Texts.of(JSON.readValue(column, new TypeReference<LinkedHashMap<String, String>>() {}));
    }

    static Map<String, String> map(Texts t) {
        return t == null ? Map.of() : t.asMap();
    }
}
