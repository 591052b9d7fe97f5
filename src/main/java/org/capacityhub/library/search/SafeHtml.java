package org.capacityhub.library.search;

import org.springframework.web.util.HtmlUtils;

/**
 * Text made safe to insert as HTML: the text is escaped in full and only {@code <mark>} tags of our own are added
 * around highlighted words. Built only from a highlighter's output with the private markers below.
 */
public record SafeHtml(String html) {

    /** Markers the highlighter puts around matches: private-use characters, stripped from any input text. */
    static final String OPEN = "\uE000";
    static final String CLOSE = "\uE001";

    static SafeHtml fromHighlighted(String highlighted) {
        String escaped = HtmlUtils.htmlEscape(highlighted, "UTF-8");
        return new SafeHtml(escaped.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"));
    }

    static SafeHtml plain(String text) {
        return new SafeHtml(HtmlUtils.htmlEscape(text.replace(OPEN, "").replace(CLOSE, ""), "UTF-8"));
    }

    @Override
    public String toString() {
        return html;
    }
}
