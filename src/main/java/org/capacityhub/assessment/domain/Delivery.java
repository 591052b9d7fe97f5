package org.capacityhub.assessment.domain;

/** Whether the focus group meets in a room or online. */
public enum Delivery { IN_PERSON, ONLINE }
