package org.capacityhub.assessment.individual;

/** Who gives the second rating: the person's supervisor or a peer. */
public enum RaterRole { SUPERVISOR, PEER }
