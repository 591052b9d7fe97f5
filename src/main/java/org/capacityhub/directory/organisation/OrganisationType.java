package org.capacityhub.directory.organisation;

/** The kinds of organisation the platform knows. */
public enum OrganisationType {
    MINISTRY, AGENCY, DEPARTMENT, NGO, AFFILIATE, UNIVERSITY, TRAINING_CENTRE, COMPANY, OTHER
}
