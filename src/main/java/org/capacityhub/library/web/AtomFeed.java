package org.capacityhub.library.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.Series;

/** An Atom 1.0 feed (RFC 4287) of a blog series, written with the JDK's XML writer (which escapes all text). */
final class AtomFeed {

    private AtomFeed() {}

    static String of(Series series, List<Resource> posts, String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            xml.writeAttribute("xml:lang", series.getLanguage());
            element(xml, "id", base + "/library/series/" + series.getId());
            element(xml, "title", clean(series.getTitle()));
            if (series.getDescription() != null) {
                element(xml, "subtitle", clean(series.getDescription()));
            }
            Instant updated = posts.stream().map(Resource::getPublishedAt).filter(p -> p != null).max(Instant::compareTo)
                    .orElse(series.getCreatedAt());
            element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(xml, "self", base + "/library/series/" + series.getId() + "/feed.atom");
            link(xml, "alternate", base + "/library/series/" + series.getId());
            for (Resource post : posts) {
                xml.writeStartElement("entry");
                element(xml, "id", base + "/library/resources/" + post.getId());
                element(xml, "title", clean(post.getTitle()));
                element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(post.getUpdatedAt()));
                element(xml, "published", DateTimeFormatter.ISO_INSTANT.format(post.getPublishedAt()));
                link(xml, "alternate", base + "/library/resources/" + post.getId());
                xml.writeStartElement("author");
                element(xml, "name", clean(series.getTitle()));
                xml.writeEndElement();
                if (post.getSummary() != null) {
                    xml.writeStartElement("summary");
                    xml.writeAttribute("type", "text");
                    xml.writeCharacters(clean(post.getSummary()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    /** Characters XML 1.0 cannot carry at all (control characters) are dropped. */
    static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
