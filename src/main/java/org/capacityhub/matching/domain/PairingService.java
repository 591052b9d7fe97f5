package org.capacityhub.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.matching.pairing.CandidateGraph;
import org.capacityhub.matching.pairing.PairingSolver;
import org.capacityhub.matching.ranking.Candidate;
import org.capacityhub.matching.ranking.CandidateQuery;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Proximity;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.PairScorer;
import org.capacityhub.matching.ranking.Weights;
import org.capacityhub.matching.ranking.Viewer;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohort pairing rounds (docs/matching.md): the mentees are the profiles of the organisations the coordinator
 * coordinates that want to learn the competency; the mentors are the profiles visible to the coordinator that
 * offer mentoring on it. The round is computed as a draft; confirming it proposes the exchanges and notifies.
 */
@Service
@Transactional
public class PairingService {

    public static final int MAX_CAPACITY = 50;
    public static final int MAX_TOP_K = 50;
    /** Unpruned problems with at most this many pairs are solved exactly for the bound. */
    public static final long EXACT_BOUND_LIMIT = 250_000;

    private final RoundRepository rounds;
    private final ProfileRepository profiles;
    private final HelpRequestRepository requests;
    private final ExchangeRepository exchanges;
    private final Frameworks frameworks;
    private final DirectoryAccess access;
    private final Viewers viewers;
    private final Weights weights;
    private final Sides sides;
    private final Notifications notifications;

    PairingService(RoundRepository rounds, ProfileRepository profiles, HelpRequestRepository requests,
            ExchangeRepository exchanges, Frameworks frameworks, DirectoryAccess access, Viewers viewers,
            Weights weights, Sides sides, Notifications notifications) {
        this.rounds = rounds;
        this.profiles = profiles;
        this.requests = requests;
        this.exchanges = exchanges;
        this.frameworks = frameworks;
        this.access = access;
        this.viewers = viewers;
        this.weights = weights;
        this.sides = sides;
        this.notifications = notifications;
    }

    /** Whether the current user may run pairing rounds (administrators, focal points, programme coordinators). */
    public boolean canPair() {
        return access.isAdministrator() || !access.coordinatableOrganisationIds().isEmpty();
    }

    private void requirePair() {
        if (!canPair()) {
            throw new AccessDeniedException("Only coordinators run pairing rounds");
        }
    }

    public Round create(String title, long competencyId, int capacity, int topK, boolean avoidSameOrganisation) {
        requirePair();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 300) {
            throw new InvalidInputException("title", "matching.round.title.required", "Give the round a title.");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new InvalidInputException("mentorCapacity", "matching.round.capacity",
                    "Mentees per mentor: 1 to " + MAX_CAPACITY + ".", MAX_CAPACITY);
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new InvalidInputException("topK", "matching.round.topK", "Candidates per mentee: 1 to "
                    + MAX_TOP_K + ".", MAX_TOP_K);
        }
        Frameworks.Competency c = frameworks.competency(competencyId).orElseThrow(() -> new InvalidInputException(
                "competencyId", "matching.competency.unknown", "Choose a competency of a framework."));
        Round round = new Round(t, c.id(), c.identifier().toString(), capacity, topK, avoidSameOrganisation,
                sides.me());
        compute(round);
        return rounds.save(round);
    }

    private void compute(Round round) {
        String identifier = round.getCompetencyIdentifier();
        Viewer viewer = viewers.current();
        Set<Long> coordinated = access.coordinatableOrganisationIds();
        List<Profile> mentees = profiles.findWanting(identifier).stream()
                .filter(p -> viewer.administrator() || p.getOrganisationId() != null
                        && coordinated.contains(p.getOrganisationId()))
                .toList();
        List<Profile> mentors = new ArrayList<>();
        List<Candidate> mentorOffers = new ArrayList<>();
        for (Profile p : profiles.findOffering(identifier)) {
            ProfileEntry e = p.getEntries().stream().filter(x -> x.getCompetencyIdentifier().equals(identifier)
                    && x.offers() && x.roles().contains(Role.MENTOR)).findFirst().orElse(null);
            if (e == null || !viewer.canSee(p.getVisibility(), p.getPersonId(), p.getOrganisationId())) {
                continue;
            }
            mentors.add(p);
            mentorOffers.add(candidate(p, e));
        }
        int n = mentees.size();
        int m = mentors.size();
        Need[] needs = new Need[n];
        for (int i = 0; i < n; i++) {
            Profile p = mentees.get(i);
            ProfileEntry wanted = p.getEntries().stream().filter(x -> x.getCompetencyIdentifier().equals(identifier)
                    && x.getWantsRank() != null).findFirst().orElseThrow();
            double target = wanted.getScaleSize() <= 1 ? 1
                    : (double) wanted.getWantsRank() / (wanted.getScaleSize() - 1);
            needs[i] = new Need(Map.of(identifier, new Need.Target(Proximity.SAME, round.getCompetencyId(), target)),
                    p.languageList(), p.getCountryCode(), CandidateQuery.offsetNow(p.getTimeZone()), null, p.getId());
        }
        int[] capacity = new int[m];
        java.util.Arrays.fill(capacity, round.getMentorCapacity());
        PairScorer scores = new PairScorer(weights, needs, mentorOffers.toArray(Candidate[]::new));
        CandidateGraph.PairScore pairs = (i, j) -> {
            Profile mentee = mentees.get(i);
            Profile mentor = mentors.get(j);
            if (mentee.getId().equals(mentor.getId())) {
                return -1;
            }
            if (!sharesLanguage(mentee, mentor)) {
                return -1;
            }
            if (round.isAvoidSameOrganisation() && sameOrganisation(mentee, mentor)) {
                return -1;
            }
            double s = scores.value(i, j);
            return s < 0 ? -1 : (int) Math.round(s * 1000);
        };
        long started = System.nanoTime();
        PairingSolver.Pairing pairing = PairingSolver.pair(n, capacity, pairs, round.getTopK());
        CandidateGraph graph = pairing.graph();
        PairingSolver.Result result = pairing.result();
        long millis = (System.nanoTime() - started) / 1_000_000;
        PairingSolver.Bound bound = PairingSolver.bound(n, capacity, pairs, graph, EXACT_BOUND_LIMIT);
        List<Round.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = result.mentorOf()[i];
            if (j >= 0) {
                int score = graph.arcScore()[i][indexOf(graph.arcMentor()[i], j)];
                rows.add(new Round.Row(mentees.get(i).getId(), mentors.get(j).getId(), score / 1000.0, null));
            } else {
                rows.add(new Round.Row(mentees.get(i).getId(), null, null, whyUnassigned(mentees.get(i), mentors,
                        graph.bestScore()[i], round.isAvoidSameOrganisation())));
            }
        }
        round.result(rows, n, m, result.placed(), result.totalScore() / 1000.0, bound.placed(),
                bound.totalScore() / 1000.0, bound.exact(), millis);
    }

    private static int indexOf(int[] values, int value) {
        for (int a = 0; a < values.length; a++) {
            if (values[a] == value) {
                return a;
            }
        }
        throw new IllegalStateException("not a candidate");
    }

    private static String whyUnassigned(Profile mentee, List<Profile> mentors, int best, boolean avoidSame) {
        if (mentors.isEmpty()) {
            return "noMentor";
        }
        if (best >= 0) {
            return "capacity";
        }
        boolean anyLanguage = mentors.stream().anyMatch(m -> !m.getId().equals(mentee.getId())
                && sharesLanguage(mentee, m));
        if (!anyLanguage) {
            return "noSharedLanguage";
        }
        return avoidSame ? "sameOrganisation" : "noMentor";
    }

    static boolean sharesLanguage(Profile a, Profile b) {
        List<String> theirs = b.languageList();
        return a.languageList().stream().anyMatch(theirs::contains);
    }

    static boolean sameOrganisation(Profile a, Profile b) {
        return a.getOrganisationId() != null && a.getOrganisationId().equals(b.getOrganisationId());
    }

    static Candidate candidate(Profile p, ProfileEntry e) {
        return new Candidate(p.getId(), p.isOrganisation(), p.getPersonId(), p.getOrganisationId(),
                p.getDisplayName(), p.languageList(), p.getCountryCode(), CandidateQuery.offsetNow(p.getTimeZone()),
                p.getVisibility(), p.getCommittedHours(), p.getRatingSum(), p.getRatingCount(), e.getCompetencyId(),
                e.getCompetencyIdentifier(), e.getKnowsRank(), e.getScaleSize(), e.roles(), e.getOfferHours(),
                e.formats());
    }

    /** A round the current user made (administrators see all); 404 otherwise. */
    @Transactional(readOnly = true)
    public Round view(long id) {
        Round r = rounds.findById(id).orElseThrow(() -> new NotFoundException("Round", id));
        if (!access.isAdministrator() && r.getCreatedByPersonId() != sides.me()) {
            throw new NotFoundException("Round", id);
        }
        org.hibernate.Hibernate.initialize(r.getRows());
        return r;
    }

    @Transactional(readOnly = true)
    public List<Round> mine() {
        if (!canPair()) {
            return List.of();
        }
        return access.isAdministrator() ? rounds.findAllByOrderByCreatedAtDesc()
                : rounds.findByCreatedByPersonIdOrderByCreatedAtDesc(sides.me());
    }

    @Transactional(readOnly = true)
    public Map<Long, Profile> profilesOf(Round r) {
        Set<Long> ids = new java.util.HashSet<>();
        r.getRows().forEach(row -> {
            ids.add(row.getMenteeProfileId());
            if (row.getMentorProfileId() != null) {
                ids.add(row.getMentorProfileId());
            }
        });
        Map<Long, Profile> result = new java.util.HashMap<>();
        profiles.findByIdIn(ids).forEach(p -> result.put(p.getId(), p));
        return result;
    }

    /**
     * The coordinator confirms the round: for each pair a request is made for the mentee and an exchange proposed
     * to the mentor; both sides are notified. Nobody hears of a round before this.
     */
    public int confirm(long id) {
        Round round = view(id);
        round.confirm();
        Map<Long, Profile> byId = profilesOf(round);
        int proposed = 0;
        for (Round.Row row : round.getRows()) {
            if (row.getMentorProfileId() == null) {
                continue;
            }
            Profile mentee = byId.get(row.getMenteeProfileId());
            Profile mentor = byId.get(row.getMentorProfileId());
            ProfileEntry wanted = mentee.getEntries().stream()
                    .filter(e -> e.getCompetencyIdentifier().equals(round.getCompetencyIdentifier())
                            && e.getWantsRank() != null).findFirst().orElse(null);
            if (wanted == null) {
                continue;
            }
            List<String> languages = mentee.languageList().isEmpty() ? mentor.languageList() : mentee.languageList();
            HelpRequest request = requests.save(new HelpRequest(mentee, mentee.getContactPersonId(),
                    round.getTitle(), null, languages, mentee.getTimeZone(), null, HelpRequest.Urgency.NORMAL,
                    List.of(new HelpRequest.Wanted(wanted.getCompetencyId(), wanted.getCompetencyIdentifier(),
                            wanted.getWantsRank(), wanted.getScaleSize())), null));
            Exchange x = exchanges.save(new Exchange(request, mentor, round.getCompetencyId(),
                    ExchangeService.DEFAULT_HOURS, row.getScore(), round.getId(), sides.me()));
            notifications.exchange(mentor.getContactPersonId(), x.getId(), "paired", round.getTitle());
            notifications.exchange(mentee.getContactPersonId(), x.getId(), "paired", round.getTitle());
            proposed++;
        }
        return proposed;
    }
}
