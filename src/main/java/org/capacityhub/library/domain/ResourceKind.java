package org.capacityhub.library.domain;

/** What a library resource is. */
public enum ResourceKind {
    E_LEARNING, GUIDELINE, TOOLKIT, TEMPLATE, CASE_STUDY, VIDEO, DATASET, ARTICLE, GLOSSARY, BLOG_POST;

    /** A good practice (case study) follows the use-case template: context, challenge, approach, results, lessons. */
    public boolean usesCaseTemplate() {
        return this == CASE_STUDY;
    }
}
