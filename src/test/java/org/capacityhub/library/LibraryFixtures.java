package org.capacityhub.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.ResourceInput;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.support.DirectoryFixtures;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test helpers: a real PDF, resource input, competencies of the built-in UNESCO framework, acting as someone. */
final class LibraryFixtures {

    private LibraryFixtures() {}

    /** A one-page PDF whose text is {@code text}. */
    static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A UNESCO domain (with sub-competencies) and its first sub-competency. */
    static List<Competency> domainAndChild(Frameworks frameworks) {
        Competency child = frameworks.publishedFrameworks().stream()
                .filter(v -> v.frameworkIdentifier().equals(Frameworks.UNESCO_DIGITAL_COMPETENCIES))
                .flatMap(v -> frameworks.tree(v.versionId()).stream())
                .filter(c -> c.parentId() != null).findFirst().orElseThrow();
        return List.of(frameworks.competency(child.parentId()).orElseThrow(), child);
    }

    static ResourceInput input(String title, String summary, Set<Long> competencies, Visibility visibility,
            Integer level, String language) {
        return new ResourceInput(ResourceKind.GUIDELINE, title, summary, null, language, Set.of(), null, null,
                Delivery.ONLINE, 2, null, null, "CC-BY-4.0", null, visibility, level, Set.of(4), competencies, null,
                null, null, null, null, null, null, null);
    }

    static <T> T as(DirectoryFixtures.Actor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                actor.principal(), null, actor.principal().getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    static void run(DirectoryFixtures.Actor actor, Runnable work) {
        as(actor, () -> {
            work.run();
            return null;
        });
    }
}
