package org.capacityhub.framework.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;

/**
 * One version of a framework: its descriptive metadata, facilitation guide, proficiency scale, tree of nodes and
 * associations. A draft may be edited; a published version never changes (editing creates a new draft that copies
 * it, see {@link #copyAsDraft(int, String)}).
 */
@Entity
@Table(name = "framework_version")
@EntityListeners(PublishedGuard.class)
public class FrameworkVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    private Framework framework;

    @Column(nullable = false)
    private int number;

    @Column(name = "version_label")
    private String versionLabel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VersionStatus status;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private Texts title;
    private String publisher;
    private String creator;
    private String licence;
    private Texts description;
    @Column(name = "guide_introduction")
    private Texts guideIntroduction;
    @Column(name = "guide_definitions")
    private Texts guideDefinitions;
    @Column(name = "guide_instructions")
    private Texts guideInstructions;
    @Column(name = "source_uri")
    private String sourceUri;

    @Column(name = "scale_identifier")
    private UUID scaleIdentifier;
    @Column(name = "scale_title")
    private Texts scaleTitle;
    @Column(name = "scale_description")
    private Texts scaleDescription;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Level> levels = new ArrayList<>();

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Node> nodes = new ArrayList<>();

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Association> associations = new ArrayList<>();

    @Transient
    private boolean publishedWhenLoaded;

    protected FrameworkVersion() {}

    public FrameworkVersion(Framework framework, int number, String language, Texts title, String createdBy) {
        this.framework = framework;
        this.number = number;
        this.status = VersionStatus.DRAFT;
        this.language = Texts.normaliseLanguage(language);
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
        this.scaleIdentifier = UUID.randomUUID();
        setTitle(title);
    }

    @PostLoad
    void loaded() {
        publishedWhenLoaded = status == VersionStatus.PUBLISHED;
    }

    boolean wasPublishedWhenLoaded() {
        return publishedWhenLoaded;
    }

    static ConflictException immutable() {
        return new ConflictException(null, "framework.version.immutable",
                "A published framework version cannot be changed; create a new draft version instead.");
    }

    public void requireDraft() {
        if (status != VersionStatus.DRAFT) {
            throw immutable();
        }
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    public boolean isPublished() {
        return status == VersionStatus.PUBLISHED;
    }

    // ---- editing (drafts only) ----

    public void setTitle(Texts title) {
        requireDraft();
        if (title == null || title.exactly(language) == null || title.exactly(language).isBlank()) {
            throw new InvalidInputException("title", "framework.title.required", "A framework needs a title.");
        }
        this.title = title;
    }

    public void describe(String versionLabel, String publisher, String creator, String licence, Texts description,
            String sourceUri) {
        requireDraft();
        this.versionLabel = blankToNull(versionLabel);
        this.publisher = blankToNull(publisher);
        this.creator = blankToNull(creator);
        this.licence = blankToNull(licence);
        this.description = description == null ? Texts.EMPTY : description;
        this.sourceUri = blankToNull(sourceUri);
    }

    public void setLanguage(String language) {
        requireDraft();
        this.language = Texts.normaliseLanguage(language);
    }

    public void setGuide(Texts introduction, Texts definitions, Texts instructions) {
        requireDraft();
        this.guideIntroduction = orEmpty(introduction);
        this.guideDefinitions = orEmpty(definitions);
        this.guideInstructions = orEmpty(instructions);
    }

    public void setScale(UUID identifier, Texts title, Texts description) {
        requireDraft();
        this.scaleIdentifier = identifier == null ? UUID.randomUUID() : identifier;
        this.scaleTitle = orEmpty(title);
        this.scaleDescription = orEmpty(description);
    }

    public Level addLevel(UUID identifier, String code, Texts title, Texts description) {
        requireDraft();
        UUID id = identifier == null ? UUID.randomUUID() : identifier;
        if (level(id).isPresent()) {
            throw new InvalidInputException("levels", "framework.level.duplicate",
                    "Two levels have the same identifier {0}.", id);
        }
        Level level = new Level(this, id, levels.size(), code, title, description);
        levels.add(level);
        return level;
    }

    public void removeLevel(Level level) {
        requireDraft();
        for (Node node : nodes) {
            node.removeDescriptorsOf(level);
        }
        levels.remove(level);
        renumber(levels);
    }

    public void moveLevel(Level level, int delta) {
        requireDraft();
        int index = levels.indexOf(level);
        int target = index + delta;
        if (index < 0 || target < 0 || target >= levels.size()) {
            return;
        }
        levels.remove(index);
        levels.add(target, level);
        renumber(levels);
    }

    private static void renumber(List<Level> list) {
        for (int i = 0; i < list.size(); i++) {
            list.get(i).setPosition(i);
        }
    }

    /** Adds a node under {@code parent} (null: at the top), last among its siblings. */
    public Node addNode(UUID identifier, Node parent, String code, Texts title) {
        requireDraft();
        UUID id = identifier == null ? UUID.randomUUID() : identifier;
        if (node(id).isPresent()) {
            throw new InvalidInputException("identifier", "framework.node.duplicate",
                    "Two items have the same identifier {0}.", id);
        }
        if (parent != null && parent.getVersion() != this) {
            throw new InvalidInputException("parent", "framework.node.parentElsewhere",
                    "The parent belongs to another framework version.");
        }
        int position = (int) nodes.stream().filter(n -> n.getParent() == parent).count();
        Node node = new Node(this, id, parent, position, code, title);
        nodes.add(node);
        return node;
    }

    /** Moves {@code node} under {@code newParent} (null: top level) at {@code position} among its siblings. */
    public void moveNode(Node node, Node newParent, int position) {
        requireDraft();
        for (Node p = newParent; p != null; p = p.getParent()) {
            if (p == node) {
                throw new InvalidInputException("parent", "framework.node.cycle",
                        "An item cannot be moved under itself or one of its descendants.");
            }
        }
        Node oldParent = node.getParent();
        List<Node> oldSiblings = new ArrayList<>(children(oldParent));
        oldSiblings.remove(node);
        renumberNodes(oldSiblings);
        List<Node> siblings = new ArrayList<>(children(newParent));
        siblings.remove(node);
        int at = Math.max(0, Math.min(position, siblings.size()));
        siblings.add(at, node);
        node.placeUnder(newParent);
        renumberNodes(siblings);
    }

    /** The node and all its descendants, deepest first, ready to be removed. */
    public List<Node> subtreeDeepestFirst(Node node) {
        List<Node> result = new ArrayList<>();
        collect(node, result);
        return result;
    }

    private void collect(Node node, List<Node> into) {
        for (Node child : children(node)) {
            collect(child, into);
        }
        into.add(node);
    }

    /** Removes the node and its descendants (the caller detaches them and flushes first, see the service). */
    public void removeNodes(List<Node> subtree) {
        requireDraft();
        Node parent = subtree.get(subtree.size() - 1).getParent();
        nodes.removeAll(subtree);
        java.util.Set<UUID> gone = new java.util.HashSet<>();
        subtree.forEach(n -> gone.add(n.getIdentifier()));
        associations.removeIf(a -> gone.contains(a.getOrigin()));
        renumberNodes(new ArrayList<>(children(parent)));
    }

    private static void renumberNodes(List<Node> siblings) {
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).setPosition(i);
        }
    }

    public Association addAssociation(UUID identifier, String type, UUID origin, UUID destination,
            String destinationUri, String destinationTitle, Integer sequenceNumber) {
        requireDraft();
        Association association = new Association(this, identifier == null ? UUID.randomUUID() : identifier, type,
                origin, destination, destinationUri, destinationTitle, sequenceNumber);
        associations.add(association);
        return association;
    }

    public void removeAssociation(Association association) {
        requireDraft();
        associations.remove(association);
    }

    public void publish() {
        requireDraft();
        if (nodes.isEmpty()) {
            throw new InvalidInputException(null, "framework.publish.empty",
                    "A framework version needs at least one item before it can be published.");
        }
        status = VersionStatus.PUBLISHED;
        publishedAt = Instant.now();
    }

    /** A new draft with the same content and the same CASE identifiers. */
    public FrameworkVersion copyAsDraft(int newNumber, String actor) {
        FrameworkVersion copy = new FrameworkVersion(framework, newNumber, language, title, actor);
        copy.describe(versionLabel, publisher, creator, licence, description, sourceUri);
        copy.setGuide(guideIntroduction, guideDefinitions, guideInstructions);
        copy.setScale(scaleIdentifier, scaleTitle, scaleDescription);
        java.util.Map<Level, Level> levelCopies = new java.util.HashMap<>();
        for (Level level : levels) {
            levelCopies.put(level, copy.addLevel(level.getIdentifier(), level.getCode(), level.getTitle(),
                    level.getDescription()));
        }
        java.util.Map<Node, Node> nodeCopies = new java.util.HashMap<>();
        for (Node node : treeOrder()) {
            Node n = copy.addNode(node.getIdentifier(), nodeCopies.get(node.getParent()), node.getCode(),
                    node.getTitle());
            n.copyTextsFrom(node);
            for (Descriptor d : node.getDescriptors()) {
                n.addDescriptor(levelCopies.get(d.getLevel()), d.getText());
            }
            nodeCopies.put(node, n);
        }
        for (Association a : associations) {
            copy.addAssociation(a.getIdentifier(), a.getType(), a.getOrigin(), a.getDestination(),
                    a.getDestinationUri(), a.getDestinationTitle(), a.getSequenceNumber());
        }
        return copy;
    }

    // ---- reading ----

    /** Nodes parents first, siblings in order (depth-first). */
    public List<Node> treeOrder() {
        List<Node> result = new ArrayList<>();
        for (Node root : children(null)) {
            walk(root, result);
        }
        return result;
    }

    private void walk(Node node, List<Node> into) {
        into.add(node);
        for (Node child : children(node)) {
            walk(child, into);
        }
    }

    public List<Node> children(Node parent) {
        return nodes.stream().filter(n -> n.getParent() == parent)
                .sorted(Comparator.comparingInt(Node::getPosition)).toList();
    }

    public Optional<Node> node(UUID identifier) {
        return nodes.stream().filter(n -> n.getIdentifier().equals(identifier)).findFirst();
    }

    public Optional<Level> level(UUID identifier) {
        return levels.stream().filter(l -> l.getIdentifier().equals(identifier)).findFirst();
    }

    public Optional<Association> association(UUID identifier) {
        return associations.stream().filter(a -> a.getIdentifier().equals(identifier)).findFirst();
    }

    private static Texts orEmpty(Texts t) {
        return t == null ? Texts.EMPTY : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Long getId() { return id; }
    public Framework getFramework() { return framework; }
    public int getNumber() { return number; }
    public String getVersionLabel() { return versionLabel; }
    public VersionStatus getStatus() { return status; }
    public String getLanguage() { return language; }
    public Texts getTitle() { return title; }
    public String getPublisher() { return publisher; }
    public String getCreator() { return creator; }
    public String getLicence() { return licence; }
    public Texts getDescription() { return orEmpty(description); }
    public Texts getGuideIntroduction() { return orEmpty(guideIntroduction); }
    public Texts getGuideDefinitions() { return orEmpty(guideDefinitions); }
    public Texts getGuideInstructions() { return orEmpty(guideInstructions); }
    public String getSourceUri() { return sourceUri; }
    public UUID getScaleIdentifier() { return scaleIdentifier; }
    public Texts getScaleTitle() { return orEmpty(scaleTitle); }
    public Texts getScaleDescription() { return orEmpty(scaleDescription); }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public List<Level> getLevels() { return java.util.Collections.unmodifiableList(levels); }
    public List<Node> getNodes() { return java.util.Collections.unmodifiableList(nodes); }
    public List<Association> getAssociations() { return java.util.Collections.unmodifiableList(associations); }

    /** Every language any text of this version is written in, the framework's own first. */
    public List<String> languages() {
        java.util.LinkedHashSet<String> result = new java.util.LinkedHashSet<>();
        result.add(language);
        java.util.function.Consumer<Texts> add = t -> result.addAll(t.languages());
        add.accept(title);
        add.accept(getDescription());
        for (Node n : nodes) {
            add.accept(n.getTitle());
            add.accept(n.getDescription());
        }
        for (Level l : levels) {
            add.accept(l.getTitle());
        }
        return List.copyOf(result);
    }

}
