package org.capacityhub.library.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.AuditIgnored;
import org.hibernate.annotations.BatchSize;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.planning.Cost;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

/**
 * A library resource: a guideline, toolkit, good practice, blog post... with its metadata, its (optional) uploaded
 * file and the text extracted from it, and its place in the cycle draft → in review → published → archived.
 * <p>
 * Indexed for full-text search: each text in three analysed fields (English, French, and a language-neutral one
 * that snippets are highlighted from), plus the keyword facets. {@link #competencyScope} holds the tagged
 * competencies and all their ancestors, so that filtering on a parent competency finds resources tagged with its
 * sub-competencies.
 */
@Entity
@Table(name = "library_resource")
@Indexed(index = "library-resource")
public class Resource {

    public static final int TITLE = 300;
    public static final int SUMMARY = 10_000;
    public static final int COVER = 20_000;
    public static final int CASE_FIELD = 5_000;
    public static final int CONTACTS = 2_000;
    public static final int LINK = 2_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @KeywordField(aggregable = Aggregable.YES)
    private ResourceKind kind;

    @Column(nullable = false)
    @FullTextField(name = "title", analyzer = LibraryAnalysis.STANDARD, projectable = Projectable.YES,
            highlightable = {Highlightable.PLAIN, Highlightable.UNIFIED})
    @FullTextField(name = "title_en", analyzer = LibraryAnalysis.ENGLISH)
    @FullTextField(name = "title_fr", analyzer = LibraryAnalysis.FRENCH)
    @FullTextField(name = "title_ngram", analyzer = LibraryAnalysis.NGRAM, searchAnalyzer = LibraryAnalysis.STANDARD)
    private String title;

    @FullTextField(name = "summary", analyzer = LibraryAnalysis.STANDARD, projectable = Projectable.YES,
            highlightable = {Highlightable.PLAIN, Highlightable.UNIFIED})
    @FullTextField(name = "summary_en", analyzer = LibraryAnalysis.ENGLISH)
    @FullTextField(name = "summary_fr", analyzer = LibraryAnalysis.FRENCH)
    private String summary;

    @Column(name = "cover_text")
    @FullTextField(name = "cover", analyzer = LibraryAnalysis.STANDARD, projectable = Projectable.YES,
            highlightable = {Highlightable.PLAIN, Highlightable.UNIFIED})
    @FullTextField(name = "cover_en", analyzer = LibraryAnalysis.ENGLISH)
    @FullTextField(name = "cover_fr", analyzer = LibraryAnalysis.FRENCH)
    private String coverText;

    @Column(name = "use_context")
    private String useContext;
    @Column(name = "use_challenge")
    private String useChallenge;
    @Column(name = "use_approach")
    private String useApproach;
    @Column(name = "use_results")
    private String useResults;
    @Column(name = "use_lessons")
    private String useLessons;
    @Column(name = "use_contacts")
    private String useContacts;

    /** The language the resource is written in (ISO 639-1). */
    @Column(nullable = false)
    private String language;

    /** Every language it is available in (its own and those of linked translations), for facets and fit. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "library_resource_language", joinColumns = @JoinColumn(name = "resource_id"))
    @Column(name = "language")
    @KeywordField(name = "languages", aggregable = Aggregable.YES)
    private Set<String> languages = new LinkedHashSet<>();

    @Column(name = "country_code")
    @KeywordField(name = "country", aggregable = Aggregable.YES)
    private String countryCode;

    @KeywordField(aggregable = Aggregable.YES)
    private String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @KeywordField(aggregable = Aggregable.YES)
    private Delivery delivery = Delivery.ONLINE;

    @Column(name = "duration_hours")
    @GenericField
    private Integer durationHours;

    @Column(name = "cost_amount", nullable = false)
    private BigDecimal costAmount = BigDecimal.ZERO;

    @Column(name = "cost_currency")
    private String costCurrency;

    @KeywordField(aggregable = Aggregable.YES)
    private String licence;

    @Column(name = "link_url")
    private String linkUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @KeywordField
    private Visibility visibility = Visibility.PUBLIC;

    @Column(name = "organisation_id")
    @GenericField
    private Long organisationId;

    @Column(name = "author_person_id", nullable = false)
    @GenericField
    private long authorPersonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @KeywordField
    private ResourceStatus status = ResourceStatus.DRAFT;

    @Column(name = "version_number", nullable = false)
    private int versionNumber = 1;

    /** Its level as a rank on the tagged competencies' scale (0 is the lowest), or null for all levels. */
    @Column(name = "level_rank")
    @GenericField(aggregable = Aggregable.YES)
    private Integer levelRank;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "translation_of_id")
    private Resource translationOf;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "series_id")
    private Series series;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "library_resource_competency", joinColumns = @JoinColumn(name = "resource_id"))
    @Column(name = "competency_id")
    @GenericField(name = "competencies")
    private Set<Long> competencyIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "library_resource_competency_scope", joinColumns = @JoinColumn(name = "resource_id"))
    @Column(name = "competency_id")
    @GenericField(name = "competencyScope", aggregable = Aggregable.YES)
    private Set<Long> competencyScope = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "library_resource_sdg", joinColumns = @JoinColumn(name = "resource_id"))
    @Column(name = "sdg")
    @GenericField(name = "sdgs", aggregable = Aggregable.YES)
    private Set<Integer> sdgs = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "library_resource_reviewer", joinColumns = @JoinColumn(name = "resource_id"))
    @Column(name = "person_id")
    private Set<Long> reviewerIds = new LinkedHashSet<>();

    @Column(name = "file_name")
    private String fileName;
    @Column(name = "file_storage")
    private String fileStorage;
    @Column(name = "file_type")
    @KeywordField(name = "fileType", aggregable = Aggregable.YES)
    private String fileType;
    @Column(name = "file_size")
    private Long fileSize;
    @Column(name = "file_sha256")
    private String fileSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "extraction_status")
    private ExtractionStatus extractionStatus;

    @Column(name = "extraction_message")
    private String extractionMessage;

    @AuditIgnored
    @Column(name = "extracted_text")
    @FullTextField(name = "text", analyzer = LibraryAnalysis.STANDARD, projectable = Projectable.YES,
            highlightable = {Highlightable.PLAIN, Highlightable.UNIFIED})
    @FullTextField(name = "text_en", analyzer = LibraryAnalysis.ENGLISH)
    @FullTextField(name = "text_fr", analyzer = LibraryAnalysis.FRENCH)
    private String extractedText;

    @AuditIgnored
    @Column(name = "view_count", nullable = false)
    private long viewCount;

    @AuditIgnored
    @Column(name = "download_count", nullable = false)
    private long downloadCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @AuditIgnored
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    @GenericField(sortable = Sortable.YES)
    private Instant publishedAt;

    @Column(nullable = false)
    private boolean demo;

    @Version
    private long version;

    protected Resource() {}

    public Resource(ResourceKind kind, String title, String language, long authorPersonId, Long organisationId,
            Instant now) {
        this.kind = kind;
        this.title = title;
        this.language = language;
        this.authorPersonId = authorPersonId;
        this.organisationId = organisationId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The use-case template's texts (good practices), indexed as one field. */
    @FullTextField(name = "usecase", analyzer = LibraryAnalysis.STANDARD, projectable = Projectable.YES,
            highlightable = {Highlightable.PLAIN, Highlightable.UNIFIED})
    @FullTextField(name = "usecase_en", analyzer = LibraryAnalysis.ENGLISH)
    @FullTextField(name = "usecase_fr", analyzer = LibraryAnalysis.FRENCH)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "useContext")),
            @ObjectPath(@PropertyValue(propertyName = "useChallenge")),
            @ObjectPath(@PropertyValue(propertyName = "useApproach")),
            @ObjectPath(@PropertyValue(propertyName = "useResults")),
            @ObjectPath(@PropertyValue(propertyName = "useLessons"))})
    public String getUseCaseText() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {useContext, useChallenge, useApproach, useResults, useLessons}) {
            if (part != null && !part.isBlank()) {
                text.append(part).append("\n\n");
            }
        }
        return text.isEmpty() ? null : text.toString().trim();
    }

    /** Whether it costs nothing. */
    @GenericField(name = "free")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "costAmount")))
    public boolean isFree() {
        return costAmount == null || costAmount.signum() == 0;
    }

    // --- behaviour -------------------------------------------------------------------------------------------------

    public void describe(ResourceKind kind, String title, String summary, String coverText, String language,
            String countryCode, String region, Delivery delivery, Integer durationHours, Cost cost, String licence,
            String linkUrl, Visibility visibility, Integer levelRank, Set<Integer> sdgs, Instant now) {
        requireEditable();
        this.kind = kind;
        this.title = title;
        this.summary = summary;
        this.coverText = coverText;
        this.language = language;
        this.countryCode = countryCode;
        this.region = region;
        this.delivery = delivery;
        this.durationHours = durationHours;
        this.costAmount = cost.amount();
        this.costCurrency = cost.currency();
        this.licence = licence;
        this.linkUrl = linkUrl;
        this.visibility = visibility;
        this.levelRank = levelRank;
        this.sdgs.clear();
        this.sdgs.addAll(sdgs);
        this.languages.add(language);
        this.updatedAt = now;
    }

    public void describeUseCase(String context, String challenge, String approach, String results, String lessons,
            String contacts) {
        requireEditable();
        this.useContext = context;
        this.useChallenge = challenge;
        this.useApproach = approach;
        this.useResults = results;
        this.useLessons = lessons;
        this.useContacts = contacts;
    }

    /** Tags it with competencies; {@code scope} is the tagged ones and all their ancestors. */
    public void tag(Set<Long> competencies, Set<Long> scope) {
        requireEditable();
        competencyIds.clear();
        competencyIds.addAll(competencies);
        competencyScope.clear();
        competencyScope.addAll(scope);
        competencyScope.addAll(competencies);
    }

    public void setLanguages(Set<String> available) {
        languages.clear();
        languages.add(language);
        languages.addAll(available);
    }

    public void linkTranslationOf(Resource original) {
        if (original != null && (original == this || original.translationOf == this)) {
            throw new InvalidInputException("translationOfId", "library.translation.self",
                    "A resource cannot be a translation of itself");
        }
        this.translationOf = original;
    }

    public void placeInSeries(Series series) {
        this.series = series;
    }

    public void attachFile(String name, String storage, String type, long size, String sha256, Instant now) {
        requireEditable();
        this.fileName = name;
        this.fileStorage = storage;
        this.fileType = type;
        this.fileSize = size;
        this.fileSha256 = sha256;
        this.extractionStatus = ExtractionStatus.PENDING;
        this.extractionMessage = null;
        this.extractedText = null;
        this.updatedAt = now;
    }

    public void extracted(String text) {
        this.extractedText = text;
        this.extractionStatus = ExtractionStatus.DONE;
        this.extractionMessage = null;
    }

    public void extractionFailed(ExtractionStatus status, String message) {
        this.extractedText = null;
        this.extractionStatus = status;
        this.extractionMessage = message;
    }

    public void submitForReview(Set<Long> reviewers, Instant now) {
        if (status != ResourceStatus.DRAFT) {
            throw new InvalidInputException(null, "library.transition.invalid", "Only a draft can be sent for review");
        }
        if (reviewers.isEmpty()) {
            throw new InvalidInputException("reviewerIds", "library.reviewers.required", "Choose at least one reviewer");
        }
        if (reviewers.contains(authorPersonId)) {
            throw new InvalidInputException("reviewerIds", "library.reviewers.notAuthor",
                    "The author cannot review their own resource");
        }
        reviewerIds.clear();
        reviewerIds.addAll(reviewers);
        status = ResourceStatus.IN_REVIEW;
        updatedAt = now;
    }

    public void returnToDraft(Instant now) {
        if (status != ResourceStatus.IN_REVIEW) {
            throw new InvalidInputException(null, "library.transition.invalid", "Only a resource in review returns to draft");
        }
        status = ResourceStatus.DRAFT;
        updatedAt = now;
    }

    public void publish(Instant now) {
        if (status != ResourceStatus.IN_REVIEW) {
            throw new InvalidInputException(null, "library.transition.invalid", "Only a resource in review is published");
        }
        status = ResourceStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    public void archive(Instant now) {
        if (status != ResourceStatus.PUBLISHED) {
            throw new InvalidInputException(null, "library.transition.invalid", "Only a published resource is archived");
        }
        status = ResourceStatus.ARCHIVED;
        updatedAt = now;
    }

    /** Starts a new version of a published or archived resource: a draft again, the published versions kept. */
    public void startNewVersion(Instant now) {
        if (status != ResourceStatus.PUBLISHED && status != ResourceStatus.ARCHIVED) {
            throw new InvalidInputException(null, "library.transition.invalid",
                    "Only a published or archived resource gets a new version");
        }
        status = ResourceStatus.DRAFT;
        versionNumber++;
        reviewerIds.clear();
        updatedAt = now;
    }

    public void viewed() {
        viewCount++;
    }

    public void downloaded() {
        downloadCount++;
    }

    public void markDemo() {
        this.demo = true;
    }

    private void requireEditable() {
        if (status != ResourceStatus.DRAFT) {
            throw new InvalidInputException(null, "library.notEditable", "Only a draft can be changed");
        }
    }

    public boolean hasFile() {
        return fileStorage != null;
    }

    public Cost cost() {
        return isFree() ? Cost.FREE : new Cost(costAmount, costCurrency);
    }

    // --- getters ---------------------------------------------------------------------------------------------------

    public Long getId() { return id; }
    public ResourceKind getKind() { return kind; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getCoverText() { return coverText; }
    public String getUseContext() { return useContext; }
    public String getUseChallenge() { return useChallenge; }
    public String getUseApproach() { return useApproach; }
    public String getUseResults() { return useResults; }
    public String getUseLessons() { return useLessons; }
    public String getUseContacts() { return useContacts; }
    public String getLanguage() { return language; }
    public Set<String> getLanguages() { return languages; }
    public String getCountryCode() { return countryCode; }
    public String getRegion() { return region; }
    public Delivery getDelivery() { return delivery; }
    public Integer getDurationHours() { return durationHours; }
    public BigDecimal getCostAmount() { return costAmount; }
    public String getCostCurrency() { return costCurrency; }
    public String getLicence() { return licence; }
    public String getLinkUrl() { return linkUrl; }
    public Visibility getVisibility() { return visibility; }
    public Long getOrganisationId() { return organisationId; }
    public long getAuthorPersonId() { return authorPersonId; }
    public ResourceStatus getStatus() { return status; }
    public int getVersionNumber() { return versionNumber; }
    public Integer getLevelRank() { return levelRank; }
    public Resource getTranslationOf() { return translationOf; }
    public Series getSeries() { return series; }
    public Set<Long> getCompetencyIds() { return competencyIds; }
    public Set<Long> getCompetencyScope() { return competencyScope; }
    public Set<Integer> getSdgs() { return sdgs; }
    public Set<Long> getReviewerIds() { return reviewerIds; }
    public String getFileName() { return fileName; }
    public String getFileStorage() { return fileStorage; }
    public String getFileType() { return fileType; }
    public Long getFileSize() { return fileSize; }
    public String getFileSha256() { return fileSha256; }
    public ExtractionStatus getExtractionStatus() { return extractionStatus; }
    public String getExtractionMessage() { return extractionMessage; }
    public String getExtractedText() { return extractedText; }
    public long getViewCount() { return viewCount; }
    public long getDownloadCount() { return downloadCount; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public boolean isDemo() { return demo; }
}
