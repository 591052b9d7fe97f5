package org.capacityhub.framework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.framework.domain.Node;
import org.capacityhub.framework.domain.Texts;

/** A framework version's tree in the user's language, optionally filtered by a search text. */
record TreeView(List<Item> roots, int total, int matches) {

    record Item(UUID identifier, String code, String title, String subject, String itemType, boolean match,
            List<Item> children) {}

    static TreeView of(FrameworkVersion version, String language, String query) {
        String q = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        int[] matches = {0};
        List<Item> roots = build(version, null, language, q, matches);
        return new TreeView(roots, version.getNodes().size(), matches[0]);
    }

    private static List<Item> build(FrameworkVersion version, Node parent, String language, String q, int[] matches) {
        List<Item> result = new ArrayList<>();
        for (Node n : version.children(parent)) {
            List<Item> children = build(version, n, language, q, matches);
            String title = text(n.getTitle(), language, version);
            String subject = text(n.getAlternativeLabel(), language, version);
            boolean match = q != null && (contains(title, q) || contains(n.getCode(), q) || contains(subject, q)
                    || contains(text(n.getDescription(), language, version), q)
                    || n.getKeywords().stream().anyMatch(k -> contains(k, q)));
            if (match) {
                matches[0]++;
            }
            if (q == null || match || !children.isEmpty()) {
                result.add(new Item(n.getIdentifier(), n.getCode(), title, subject, n.getItemType(), match, children));
            }
        }
        return result;
    }

    private static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q);
    }

    static String text(Texts texts, String language, FrameworkVersion version) {
        return texts.in(language, version.getLanguage());
    }
}
