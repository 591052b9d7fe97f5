package org.capacityhub.framework.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.capacityhub.platform.InvalidInputException;

/**
 * A node of a framework version's tree (a CASE CFItem): an area, domain or competency, at any depth. Its CASE
 * identifier is kept from version to version, so the same competency has the same identifier in all versions.
 */
@Entity
@Table(name = "framework_node")
@EntityListeners(PublishedGuard.class)
public class Node {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    private FrameworkVersion version;

    @Column(nullable = false)
    private UUID identifier;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Node parent;

    @Column(nullable = false)
    private int position;

    private String code;

    @Column(nullable = false)
    private Texts title;

    @Column(name = "alternative_label")
    private Texts alternativeLabel;

    private Texts description;

    /** Keywords separated by "|" (CASE conceptKeywords). */
    private String keywords;

    @Column(name = "item_type")
    private String itemType;

    @Column(name = "education_level")
    private String educationLevel;

    @Column(name = "list_enumeration")
    private String listEnumeration;

    @Column(name = "source_uri")
    private String sourceUri;

    @Column(name = "supporting_questions")
    @Convert(converter = TextsListConverter.class)
    private List<Texts> supportingQuestions = new ArrayList<>();

    @OneToMany(mappedBy = "node", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Descriptor> descriptors = new ArrayList<>();

    protected Node() {}

    Node(FrameworkVersion version, UUID identifier, Node parent, int position, String code, Texts title) {
        this.version = version;
        this.identifier = identifier;
        this.parent = parent;
        this.position = position;
        setCode(code);
        setTitle(title);
    }

    public void setTitle(Texts title) {
        version.requireDraft();
        if (title == null || title.exactly(version.getLanguage()) == null || title.exactly(version.getLanguage()).isBlank()) {
            throw new InvalidInputException("title", "framework.node.title.required", "Every item needs a title.");
        }
        this.title = title;
    }

    public void setCode(String code) {
        version.requireDraft();
        this.code = code == null || code.isBlank() ? null : code.strip();
    }

    public void setTexts(Texts alternativeLabel, Texts description, List<String> keywords) {
        version.requireDraft();
        this.alternativeLabel = alternativeLabel == null ? Texts.EMPTY : alternativeLabel;
        this.description = description == null ? Texts.EMPTY : description;
        List<String> clean = keywords == null ? List.of()
                : keywords.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
        if (clean.stream().anyMatch(k -> k.contains("|"))) {
            throw new InvalidInputException("keywords", "framework.node.keywords",
                    "A keyword cannot contain the character |.");
        }
        this.keywords = clean.isEmpty() ? null : String.join("|", clean);
    }

    public void setCaseDetails(String itemType, String educationLevel, String listEnumeration, String sourceUri) {
        version.requireDraft();
        this.itemType = blankToNull(itemType);
        this.educationLevel = blankToNull(educationLevel);
        this.listEnumeration = blankToNull(listEnumeration);
        this.sourceUri = blankToNull(sourceUri);
    }

    public void setSupportingQuestions(List<Texts> questions) {
        version.requireDraft();
        this.supportingQuestions = new ArrayList<>(questions == null ? List.of()
                : questions.stream().filter(q -> q != null && !q.isEmpty()).toList());
    }

    public Descriptor addDescriptor(Level level, Texts text) {
        version.requireDraft();
        if (level == null || level.getVersion() != version) {
            throw new InvalidInputException("level", "framework.descriptor.level",
                    "A descriptor must belong to a level of the same framework version.");
        }
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("text", "framework.descriptor.text", "A descriptor needs a text.");
        }
        int position = (int) descriptors.stream().filter(d -> d.getLevel() == level).count();
        Descriptor descriptor = new Descriptor(this, level, position, text);
        descriptors.add(descriptor);
        return descriptor;
    }

    /** Replaces this node's descriptors for one level by {@code texts}, in order. */
    public void replaceDescriptors(Level level, List<Texts> texts) {
        version.requireDraft();
        removeDescriptorsOf(level);
        for (Texts t : texts) {
            if (t != null && !t.isEmpty()) {
                addDescriptor(level, t);
            }
        }
    }

    /** Used before deleting a whole draft, so that rows can be removed in any order. */
    public void clearDescriptors() {
        version.requireDraft();
        descriptors.clear();
    }

    void removeDescriptorsOf(Level level) {
        version.requireDraft();
        descriptors.removeIf(d -> d.getLevel() == level);
    }

    void copyTextsFrom(Node other) {
        setTexts(other.getAlternativeLabel(), other.getDescription(), other.getKeywords());
        setCaseDetails(other.itemType, other.educationLevel, other.listEnumeration, other.sourceUri);
        setSupportingQuestions(other.getSupportingQuestions());
    }

    void placeUnder(Node newParent) {
        this.parent = newParent;
    }

    /** Used before deleting a subtree, so that rows can be removed in any order. */
    public void detachFromParent() {
        version.requireDraft();
        this.parent = null;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public List<Descriptor> descriptorsOf(Level level) {
        return descriptors.stream().filter(d -> d.getLevel() == level)
                .sorted(Comparator.comparingInt(Descriptor::getPosition)).toList();
    }

    /** This node's statements for a level in one language, one a line (for editing forms). */
    public String descriptorLines(Level level, String language) {
        return String.join("\n", descriptorsOf(level).stream()
                .map(d -> d.getText().exactly(language) == null ? "" : d.getText().exactly(language)).toList()).strip();
    }

    /** The supporting questions in one language, one a line (for editing forms). */
    public String questionLines(String language) {
        return String.join("\n", supportingQuestions.stream()
                .map(q -> q.exactly(language) == null ? "" : q.exactly(language)).toList()).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Long getId() { return id; }
    public FrameworkVersion getVersion() { return version; }
    public UUID getIdentifier() { return identifier; }
    public Node getParent() { return parent; }
    public int getPosition() { return position; }
    public String getCode() { return code; }
    public Texts getTitle() { return title; }
    public Texts getAlternativeLabel() { return alternativeLabel == null ? Texts.EMPTY : alternativeLabel; }
    public Texts getDescription() { return description == null ? Texts.EMPTY : description; }
    public List<String> getKeywords() { return keywords == null ? List.of() : List.of(keywords.split("\\|")); }
    public String getItemType() { return itemType; }
    public String getEducationLevel() { return educationLevel; }
    public String getListEnumeration() { return listEnumeration; }
    public String getSourceUri() { return sourceUri; }
    public List<Texts> getSupportingQuestions() { return List.copyOf(supportingQuestions); }
    public List<Descriptor> getDescriptors() { return java.util.Collections.unmodifiableList(descriptors); }

    public int depth() {
        int depth = 0;
        for (Node p = parent; p != null; p = p.getParent()) {
            depth++;
        }
        return depth;
    }
}
