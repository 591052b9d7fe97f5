package org.capacityhub.framework.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.capacityhub.framework.exchange.FrameworkData.DescriptorData;
import org.capacityhub.framework.exchange.FrameworkData.LevelData;
import org.capacityhub.framework.exchange.FrameworkData.NodeData;

/**
 * Merges a package exported in another language (its texts in that one language, its identifiers derived from the
 * original's) into the original framework: the result is the original with that language's texts replaced.
 */
final class TranslationMerge {

    private TranslationMerge() {}

    static FrameworkData merge(FrameworkData base, FrameworkData translation, Map<UUID, UUID> originalItems,
            List<String> warnings) {
        String lang = translation.language();
        Map<UUID, NodeData> translated = new HashMap<>();
        for (NodeData n : translation.nodes()) {
            UUID original = originalItems.get(n.identifier());
            if (original == null || base.nodes().stream().noneMatch(b -> b.identifier().equals(original))) {
                warnings.add("Item " + n.identifier() + " of the " + lang
                        + " package has no counterpart in the original framework; it is ignored.");
                continue;
            }
            translated.put(original, n);
        }
        List<NodeData> nodes = new ArrayList<>();
        for (NodeData b : base.nodes()) {
            NodeData t = translated.get(b.identifier());
            if (t == null) {
                nodes.add(b);
                continue;
            }
            List<Map<String, String>> questions = new ArrayList<>();
            for (int i = 0; i < b.supportingQuestions().size(); i++) {
                questions.add(put(b.supportingQuestions().get(i), lang,
                        i < t.supportingQuestions().size() ? t.supportingQuestions().get(i) : Map.of()));
            }
            List<DescriptorData> descriptors = new ArrayList<>();
            Map<UUID, Integer> seen = new HashMap<>();
            for (DescriptorData d : b.descriptors()) {
                int index = seen.merge(d.level(), 1, Integer::sum) - 1;
                List<DescriptorData> same = t.descriptors().stream().filter(x -> x.level().equals(d.level())).toList();
                descriptors.add(new DescriptorData(d.level(),
                        put(d.text(), lang, index < same.size() ? same.get(index).text() : Map.of())));
            }
            nodes.add(new NodeData(b.identifier(), b.parent(), b.code(), put(b.title(), lang, t.title()),
                    put(b.alternativeLabel(), lang, t.alternativeLabel()), put(b.description(), lang, t.description()),
                    b.keywords(), b.itemType(), b.educationLevel(), b.listEnumeration(), b.sourceUri(), descriptors,
                    questions));
        }
        FrameworkData.Scale scale = base.scale();
        if (scale != null && translation.scale() != null) {
            List<LevelData> levels = new ArrayList<>();
            for (LevelData l : scale.levels()) {
                LevelData t = translation.scale().levels().stream().filter(x -> x.identifier().equals(l.identifier()))
                        .findFirst().orElse(null);
                levels.add(t == null ? l : new LevelData(l.identifier(), l.code(), put(l.title(), lang, t.title()),
                        put(l.description(), lang, t.description())));
            }
            scale = new FrameworkData.Scale(scale.identifier(), put(scale.title(), lang, translation.scale().title()),
                    put(scale.description(), lang, translation.scale().description()), levels);
        }
        return new FrameworkData(base.identifier(), base.language(), base.versionLabel(),
                put(base.title(), lang, translation.title()), base.publisher(), base.creator(), base.licence(),
                put(base.description(), lang, translation.description()), base.sourceUri(),
                new FrameworkData.Guide(put(base.guide().introduction(), lang, translation.guide().introduction()),
                        put(base.guide().definitions(), lang, translation.guide().definitions()),
                        put(base.guide().instructions(), lang, translation.guide().instructions())),
                scale, nodes, base.associations());
    }

    /**
     * {@code texts} with its {@code lang} value taken from {@code translated} (removed if absent there). A package
     * in another language falls back to the original text where a translation is missing: a value equal to the
     * original text, where there was no translation, is such a fallback and is not stored as a translation.
     */
    private static Map<String, String> put(Map<String, String> texts, String lang, Map<String, String> translated) {
        Map<String, String> result = new TreeMap<>(texts);
        String value = translated.get(lang);
        if (value != null && !texts.containsKey(lang) && texts.containsValue(value)) {
            return result;
        }
        if (value == null) {
            result.remove(lang);
        } else {
            result.put(lang, value);
        }
        return result;
    }
}
