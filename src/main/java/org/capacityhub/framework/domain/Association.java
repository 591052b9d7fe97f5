package org.capacityhub.framework.domain;

import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.capacityhub.platform.InvalidInputException;

/**
 * A CASE association other than the tree ({@code isChildOf} is the node's parent): crosswalks to competencies of
 * other frameworks ({@code exactMatchOf}, {@code isRelatedTo}, ...) and any other type, kept as imported.
 */
@Entity
@Table(name = "framework_association")
@EntityListeners(PublishedGuard.class)
public class Association {

    /** The association types of CASE 1.1 (other strings are kept too, e.g. extensions). */
    public static final Set<String> CASE_TYPES = Set.of("isChildOf", "isPeerOf", "isPartOf", "exactMatchOf",
            "precedes", "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf");

    /** Types that make two competencies "the same or related" for the rest of the platform. */
    public static final Set<String> CROSSWALK_TYPES = Set.of("exactMatchOf", "isRelatedTo", "isPeerOf");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    private FrameworkVersion version;

    @Column(nullable = false)
    private UUID identifier;

    @Column(name = "association_type", nullable = false)
    private String type;

    @Column(nullable = false)
    private UUID origin;

    @Column(nullable = false)
    private UUID destination;

    @Column(name = "destination_uri")
    private String destinationUri;

    @Column(name = "destination_title")
    private String destinationTitle;

    @Column(name = "sequence_number")
    private Integer sequenceNumber;

    protected Association() {}

    Association(FrameworkVersion version, UUID identifier, String type, UUID origin, UUID destination,
            String destinationUri, String destinationTitle, Integer sequenceNumber) {
        if (type == null || type.isBlank()) {
            throw new InvalidInputException("associationType", "framework.association.type",
                    "Choose an association type (the tree itself is not an association here).");
        }
        if (origin == null || destination == null) {
            throw new InvalidInputException("destination", "framework.association.ends",
                    "An association needs an origin and a destination.");
        }
        this.version = version;
        this.identifier = identifier;
        this.type = type.strip();
        this.origin = origin;
        this.destination = destination;
        this.destinationUri = destinationUri;
        this.destinationTitle = destinationTitle;
        this.sequenceNumber = sequenceNumber;
    }

    public Long getId() { return id; }
    public FrameworkVersion getVersion() { return version; }
    public UUID getIdentifier() { return identifier; }
    public String getType() { return type; }
    public UUID getOrigin() { return origin; }
    public UUID getDestination() { return destination; }
    public String getDestinationUri() { return destinationUri; }
    public String getDestinationTitle() { return destinationTitle; }
    public Integer getSequenceNumber() { return sequenceNumber; }

    public boolean isCrosswalk() {
        return CROSSWALK_TYPES.contains(type);
    }
}
