package org.capacityhub.assessment.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group of respondents of a survey (e.g. leadership, ICT practitioners, other staff). */
@Entity
@Table(name = "assessment_survey_group")
public class SurveyGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private String name;

    protected SurveyGroup() {}

    SurveyGroup(int sortOrder, String name) {
        this.sortOrder = sortOrder;
        this.name = name;
    }

    public Long getId() { return id; }
    public int getSortOrder() { return sortOrder; }
    public String getName() { return name; }
}
