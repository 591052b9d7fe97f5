package org.capacityhub.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;

/**
 * An exchange between a request and a helper: proposed → contacted → accepted or declined → active → completed,
 * then each side's feedback. Every message and step is kept in {@link #getMessages()}.
 */
@Entity
@Table(name = "matching_exchange")
public class Exchange {

    public enum State { PROPOSED, CONTACTED, ACCEPTED, DECLINED, ACTIVE, COMPLETED }

    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_COMMENT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private HelpRequest request;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "helper_profile_id")
    private Profile helper;

    @Column(name = "competency_id", nullable = false)
    private long competencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.PROPOSED;

    @Column(name = "hours_per_month", nullable = false)
    private int hoursPerMonth;

    private Double score;

    @Column(name = "round_id")
    private Long roundId;

    @Column(name = "requester_rating")
    private Integer requesterRating;

    @Column(name = "requester_comment")
    private String requesterComment;

    @Column(name = "helper_rating")
    private Integer helperRating;

    @Column(name = "helper_comment")
    private String helperComment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "exchange", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ExchangeMessage> messages = new ArrayList<>();

    protected Exchange() {}

    public Exchange(HelpRequest request, Profile helper, long competencyId, int hoursPerMonth, Double score,
            Long roundId, long proposedBy) {
        this.request = request;
        this.helper = helper;
        this.competencyId = competencyId;
        this.hoursPerMonth = hoursPerMonth;
        this.score = score;
        this.roundId = roundId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        messages.add(new ExchangeMessage(this, proposedBy, "PROPOSED", null));
    }

    /** A message from either side; the first one from the requester makes the exchange "contacted". */
    public void write(long author, String body, boolean fromRequester) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("body", "matching.message.required", "Write a message.");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException("body", "matching.message.tooLong", "The message is too long.",
                    MAX_MESSAGE);
        }
        if (state == State.DECLINED || state == State.COMPLETED) {
            throw new ConflictException(null, "matching.exchange.closed", "This exchange is closed.");
        }
        if (state == State.PROPOSED && fromRequester) {
            state = State.CONTACTED;
        }
        messages.add(new ExchangeMessage(this, author, "MESSAGE", text));
        updatedAt = Instant.now();
    }

    public void accept(long by) {
        require(state == State.PROPOSED || state == State.CONTACTED);
        step(State.ACCEPTED, by);
        helper.commitHours(hoursPerMonth);
    }

    public void decline(long by) {
        require(state == State.PROPOSED || state == State.CONTACTED);
        step(State.DECLINED, by);
    }

    public void start(long by) {
        require(state == State.ACCEPTED);
        step(State.ACTIVE, by);
    }

    public void complete(long by) {
        require(state == State.ACCEPTED || state == State.ACTIVE);
        step(State.COMPLETED, by);
        helper.commitHours(-hoursPerMonth);
    }

    /** The requester's feedback on the helper: it counts in the helper's reputation. */
    public void rateHelper(long by, int rating, String comment) {
        require(state == State.COMPLETED && requesterRating == null);
        checkFeedback(rating, comment);
        requesterRating = rating;
        requesterComment = blankToNull(comment);
        helper.rate(rating);
        messages.add(new ExchangeMessage(this, by, "FEEDBACK", null));
    }

    /** The helper's feedback on the requester: it counts in the requester's reputation. */
    public void rateRequester(long by, int rating, String comment) {
        require(state == State.COMPLETED && helperRating == null);
        checkFeedback(rating, comment);
        helperRating = rating;
        helperComment = blankToNull(comment);
        request.getRequester().rate(rating);
        messages.add(new ExchangeMessage(this, by, "FEEDBACK", null));
    }

    private static void checkFeedback(int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "matching.feedback.rating", "Rate from 1 to 5.");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "matching.feedback.tooLong", "The comment is too long.",
                    MAX_COMMENT);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void step(State next, long by) {
        state = next;
        updatedAt = Instant.now();
        messages.add(new ExchangeMessage(this, by, next.name(), null));
    }

    private void require(boolean allowed) {
        if (!allowed) {
            throw new ConflictException(null, "matching.exchange.wrongState", "This exchange cannot do that now.");
        }
    }

    /** Whether contact details may be shown: only once the helper accepted. */
    public boolean contactRevealed() {
        return state == State.ACCEPTED || state == State.ACTIVE || state == State.COMPLETED;
    }

    public boolean open() {
        return state != State.DECLINED && state != State.COMPLETED;
    }

    public Long getId() { return id; }
    public HelpRequest getRequest() { return request; }
    public Profile getHelper() { return helper; }
    public long getCompetencyId() { return competencyId; }
    public State getState() { return state; }
    public int getHoursPerMonth() { return hoursPerMonth; }
    public Double getScore() { return score; }
    public Long getRoundId() { return roundId; }
    public Integer getRequesterRating() { return requesterRating; }
    public String getRequesterComment() { return requesterComment; }
    public Integer getHelperRating() { return helperRating; }
    public String getHelperComment() { return helperComment; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<ExchangeMessage> getMessages() { return messages; }
}
