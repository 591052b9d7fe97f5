package org.capacityhub.framework.domain;

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

/** One benchmark statement describing a competency at one level; a level may have several, in order. */
@Entity
@Table(name = "framework_descriptor")
@EntityListeners(PublishedGuard.class)
public class Descriptor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "node_id")
    private Node node;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "level_id")
    private Level level;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private Texts text;

    protected Descriptor() {}

    Descriptor(Node node, Level level, int position, Texts text) {
        this.node = node;
        this.level = level;
        this.position = position;
        this.text = text;
    }

    public Long getId() { return id; }
    public Node getNode() { return node; }
    public Level getLevel() { return level; }
    public int getPosition() { return position; }
    public Texts getText() { return text; }
}
