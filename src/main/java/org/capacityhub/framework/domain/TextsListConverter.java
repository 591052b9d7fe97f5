package org.capacityhub.framework.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;

/** Stores a list of {@link Texts} (e.g. supporting questions) as a JSON array of objects keyed by language. */
@Converter
public class TextsListConverter implements AttributeConverter<List<Texts>, String> {

    @Override
    public String convertToDatabaseColumn(List<Texts> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        return TextsConverter.JSON.writeValueAsString(list.stream().map(Texts::asMap).toList());
    }

    @Override
    public List<Texts> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return new ArrayList<>();
        }
        List<LinkedHashMap<String, String>> raw = TextsConverter.JSON.readValue(column,
                new TypeReference<List<LinkedHashMap<String, String>>>() {});
        List<Texts> result = new ArrayList<>();
        raw.forEach(m -> result.add(Texts.of(m)));
        return result;
    }
}
