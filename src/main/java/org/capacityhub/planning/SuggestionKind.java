package org.capacityhub.planning;

/** What a suggested activity is. */
public enum SuggestionKind {
    /** A library resource: e-learning, guideline, toolkit, template, case study, video, dataset, article. */
    RESOURCE,
    /** A learning programme or course. */
    COURSE,
    /** An event: workshop, webinar, conference. */
    EVENT,
    /** A community of practice to join. */
    COMMUNITY,
    /** A person who offers mentoring, training or technical assistance on the competency. */
    MENTOR,
    /** A peer (person or organisation) who has the capacity and offers to help. */
    PEER
}
