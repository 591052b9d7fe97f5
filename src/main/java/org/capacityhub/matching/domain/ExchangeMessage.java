package org.capacityhub.matching.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One entry of an exchange's history: a message, or a step (PROPOSED, ACCEPTED, ...) with who took it. */
@Entity
@Table(name = "matching_message")
public class ExchangeMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exchange_id")
    private Exchange exchange;

    @Column(name = "author_person_id")
    private Long authorPersonId;

    @Column(nullable = false)
    private String kind;

    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExchangeMessage() {}

    ExchangeMessage(Exchange exchange, Long author, String kind, String body) {
        this.exchange = exchange;
        this.authorPersonId = author;
        this.kind = kind;
        this.body = body;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getAuthorPersonId() { return authorPersonId; }
    public String getKind() { return kind; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
