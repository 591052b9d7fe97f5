package org.capacityhub.matching.domain;

import java.util.List;

import org.capacityhub.matching.ranking.Candidate;
import org.capacityhub.matching.ranking.Scored;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges between a request and a helper. Only the two sides see an exchange (404 for anyone else); the helper
 * side accepts or declines (403 for the requester side); contact details are shown only once accepted.
 */
@Service
@Transactional
public class ExchangeService {

    /** Hours a month an exchange takes from a helper's availability (at most what they offer). */
    public static final int DEFAULT_HOURS = 4;

    private final ExchangeRepository exchanges;
    private final ProfileRepository profileRepository;
    private final RequestService requests;
    private final ProfileService profiles;
    private final Sides sides;
    private final Notifications notifications;
    private final org.capacityhub.matching.ranking.OfferIndex index;

    ExchangeService(ExchangeRepository exchanges, ProfileRepository profileRepository, RequestService requests,
            ProfileService profiles, Sides sides, Notifications notifications,
            org.capacityhub.matching.ranking.OfferIndex index) {
        this.index = index;
        this.exchanges = exchanges;
        this.profileRepository = profileRepository;
        this.requests = requests;
        this.profiles = profiles;
        this.sides = sides;
        this.notifications = notifications;
    }

    /**
     * The requester contacts a helper found for the request: the exchange is proposed and, with the message,
     * contacted; the helper is notified.
     */
    public Exchange contact(long requestId, long helperProfileId, String message) {
        HelpRequest request = requests.view(requestId);
        Profile helper = profiles.visible(helperProfileId);
        Scored match = requests.rank(requests.need(request), c -> c.profileId() == helperProfileId, 1).stream()
                .findFirst().orElseThrow(() -> new InvalidInputException("helperProfileId",
                        "matching.exchange.notAHelper", "This profile offers no help on what the request asks."));
        for (Exchange x : exchanges.findByRequestIdOrderByCreatedAt(requestId)) {
            if (x.getHelper().getId() == helperProfileId && x.open()) {
                throw new ConflictException("helperProfileId", "matching.exchange.exists",
                        "You are already in touch with this helper about this request.");
            }
        }
        Candidate c = match.candidate();
        int hours = c.offerHours() == null ? DEFAULT_HOURS : Math.max(1, Math.min(DEFAULT_HOURS, c.offerHours()));
        Exchange x = new Exchange(request, helper, match.target().requestedId(), hours, match.score(), null,
                sides.me());
        x.write(sides.me(), message, true);
        x = exchanges.save(x);
        notifications.exchange(helper.getContactPersonId(), x.getId(), "contacted", request.getTitle());
        return x;
    }

    /** An exchange the current user is a side of (404 otherwise). */
    @Transactional(readOnly = true)
    public Exchange view(long id) {
        Exchange x = exchanges.findById(id).orElseThrow(() -> new NotFoundException("Exchange", id));
        if (!sides.requesterSide(x.getRequest()) && !sides.helperSide(x)) {
            throw new NotFoundException("Exchange", id);
        }
        return load(x);
    }

    private static Exchange load(Exchange x) {
        org.hibernate.Hibernate.initialize(x.getRequest());
        org.hibernate.Hibernate.initialize(x.getRequest().getRequester());
        org.hibernate.Hibernate.initialize(x.getRequest().getCompetencies());
        org.hibernate.Hibernate.initialize(x.getHelper());
        org.hibernate.Hibernate.initialize(x.getMessages());
        return x;
    }

    @Transactional(readOnly = true)
    public boolean isHelperSide(Exchange x) {
        return sides.helperSide(x);
    }

    @Transactional(readOnly = true)
    public boolean isRequesterSide(Exchange x) {
        return sides.requesterSide(x.getRequest());
    }

    public void write(long id, String body) {
        Exchange x = view(id);
        boolean fromRequester = sides.requesterSide(x.getRequest());
        x.write(sides.me(), body, fromRequester);
        notifyOther(x, fromRequester, "message");
    }

    public void accept(long id) {
        Exchange x = helperOnly(id);
        x.accept(sides.me());
        index.invalidateAfterCommit();
        notifyOther(x, false, "accepted");
    }

    public void decline(long id) {
        Exchange x = helperOnly(id);
        x.decline(sides.me());
        notifyOther(x, false, "declined");
    }

    public void start(long id) {
        Exchange x = view(id);
        x.start(sides.me());
        notifyOther(x, sides.requesterSide(x.getRequest()), "started");
    }

    public void complete(long id) {
        Exchange x = view(id);
        x.complete(sides.me());
        index.invalidateAfterCommit();
        notifyOther(x, sides.requesterSide(x.getRequest()), "completed");
    }

    /** Feedback from the current user's side: the requester rates the helper, the helper rates the requester. */
    public void feedback(long id, int rating, String comment) {
        Exchange x = view(id);
        if (sides.requesterSide(x.getRequest())) {
            x.rateHelper(sides.me(), rating, comment);
        } else {
            x.rateRequester(sides.me(), rating, comment);
        }
        index.invalidateAfterCommit();
    }

    /** The exchanges of the profiles the current user acts for, latest activity first. */
    @Transactional(readOnly = true)
    public List<Exchange> mine() {
        List<Long> ids = profiles.actingFor().stream().map(Profile::getId).toList();
        return ids.isEmpty() ? List.of() : exchanges.findInvolving(ids).stream().map(ExchangeService::load).toList();
    }

    @Transactional(readOnly = true)
    public List<Exchange> ofRequest(long requestId) {
        requests.view(requestId);
        return exchanges.findByRequestIdOrderByCreatedAt(requestId).stream().map(ExchangeService::load).toList();
    }

    private Exchange helperOnly(long id) {
        Exchange x = view(id);
        if (!sides.helperSide(x)) {
            throw new AccessDeniedException("Only the helper answers an exchange");
        }
        return x;
    }

    private void notifyOther(Exchange x, boolean fromRequester, String what) {
        long to = fromRequester ? x.getHelper().getContactPersonId() : x.getRequest().getCreatedByPersonId();
        notifications.exchange(to, x.getId(), what, x.getRequest().getTitle());
    }

    Profile profile(long id) {
        return profileRepository.findById(id).orElseThrow(() -> new NotFoundException("Profile", id));
    }
}
