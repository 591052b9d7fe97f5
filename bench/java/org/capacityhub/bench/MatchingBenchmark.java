package org.capacityhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.capacityhub.matching.pairing.CandidateGraph;
import org.capacityhub.matching.pairing.PairingSolver;
import org.capacityhub.matching.ranking.Candidate;
import org.capacityhub.matching.ranking.CandidateQuery;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.OfferIndex;
import org.capacityhub.matching.ranking.PairScorer;
import org.capacityhub.matching.ranking.Proximity;
import org.capacityhub.matching.ranking.Ranker;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Scored;
import org.capacityhub.matching.ranking.Scorer;
import org.capacityhub.matching.ranking.Viewer;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.matching.ranking.Weights;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The matching benchmark harness (docs/benchmarks.md, "Matching"). The full run is {@link MatchingBench} (not run by
 * ./mvnw verify: {@code ./mvnw -Pbench test -Dbench=MatchingBench}); {@link MatchingBenchSmokeTest} runs the ranking
 * part on a small dataset in the normal build and checks its answers against a straightforward reference.
 *
 * 1. Ranking one request (three competencies) against N profiles (default 100,000; three competencies each, 60%
 *    offered) in an in-memory H2 database in PostgreSQL mode with the module's own schema (V5_0__matching.sql):
 *    our ranking (one SQL query for the offers on the competencies that answer the request, then the score in Java,
 *    top 20) beside its floor, the Wikimedia Capacity Exchange's method (an unweighted count of overlapping
 *    capacities, in SQL, top 20), on the same data; p50 and p95 over 200 requests after 30 warm-up ones.
 * 2. Pairing M mentees (default 10,000) with K mentors (default 2,000) of capacity 5: scoring every pair, the top-10
 *    candidate graph, OR-Tools' min-cost flow, and the gap to the upper bound of the unpruned problem.
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {}

    static final String[] LANGUAGES = {"en", "fr", "sw", "ar", "pt", "es", "am", "rw"};
    static final String[] COUNTRIES = {"KE", "UG", "TZ", "RW", "ET", "SN", "CI", "GH", "NG", "CM", "CD", "ZA", "EG",
            "MA", "FR", "BE", "DE", "GB", "US", "BR", "IN", "ID", "PH", "JO", "LB"};
    static final String[] ZONES = {"Africa/Nairobi", "Africa/Dakar", "Africa/Lagos", "Africa/Johannesburg",
            "Europe/Paris", "Europe/London", "America/New_York", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Manila"};

    /** A synthetic taxonomy: 8 areas, each with 6 competencies, each with 2 sub-competencies (104 nodes). */
    public record Node(String id, int area, int parent) {}

    /** Runs everything and prints the tables: {@code [profiles] [mentees] [mentors]}. */
    public static void main(String[] args) throws Exception {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int mentees = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int mentors = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        System.out.printf("Java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (profiles > 0) {
            ranking(load("bench", profiles), 30, 200, null);
        }
        pairing(mentees, mentors, 5, 10);
    }

    /** The data of a ranking run: an H2 database in PostgreSQL mode with the module's schema, and the taxonomy. */
    public record Data(JdbcDataSource dataSource, List<Node> nodes, int profiles) {}

    /** The viewer of the ranking runs: sees public profiles and those of organisations 1 to 3 (its partners). */
    static final Viewer VIEWER = new Viewer(false, -1L, Set.of(), Set.of(1L, 2L, 3L), Set.of());

    /** What one timed request answered: ours (top 20) and the floor's rows (profile id, overlap). */
    public interface RankingCheck {
        void check(Need need, int[] asked, List<Scored> ours, List<long[]> floor);
    }

    static List<Node> taxonomy() {
        Random r = new Random(1);
        List<Node> nodes = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            int area = nodes.size();
            nodes.add(new Node(new UUID(r.nextLong(), r.nextLong()).toString(), area, -1));
            for (int c = 0; c < 6; c++) {
                int competency = nodes.size();
                nodes.add(new Node(new UUID(r.nextLong(), r.nextLong()).toString(), area, area));
                for (int s = 0; s < 2; s++) {
                    nodes.add(new Node(new UUID(r.nextLong(), r.nextLong()).toString(), area, competency));
                }
            }
        }
        return nodes;
    }

    /** Loads {@code n} synthetic profiles into a new in-memory database called {@code name}. */
    public static Data load(String name, int n) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1");
        List<Node> nodes = taxonomy();
        Random r = new Random(42);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String ddl = Files.readString(Path.of("src/main/resources/db/migration/V5_0__matching.sql"));
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            long started = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into matching_profile (id, owner_key, owner_kind, "
                    + "person_id, organisation_id, contact_person_id, display_name, languages, country_code, time_zone, "
                    + "visibility, committed_hours, rating_sum, rating_count, created_at) values "
                    + "(?, ?, 'PERSON', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)");
                 PreparedStatement e = c.prepareStatement("insert into matching_entry (profile_id, competency_id, "
                         + "competency_identifier, knows_rank, scale_size, offer_roles, offer_hours, offer_formats, "
                         + "source) values (?, ?, ?, ?, 5, ?, ?, ?, 'SELF')")) {
                for (int i = 1; i <= n; i++) {
                    p.setLong(1, i);
                    p.setString(2, "P:" + i);
                    p.setLong(3, i);
                    p.setLong(4, 1 + r.nextInt(5_000));
                    p.setLong(5, i);
                    p.setString(6, "Person " + i);
                    p.setString(7, LANGUAGES[r.nextInt(LANGUAGES.length)]
                            + (r.nextBoolean() ? "," + LANGUAGES[r.nextInt(LANGUAGES.length)] : ""));
                    p.setString(8, COUNTRIES[r.nextInt(COUNTRIES.length)]);
                    p.setString(9, ZONES[r.nextInt(ZONES.length)]);
                    p.setString(10, r.nextInt(10) < 8 ? "PUBLIC" : "PROGRAMME");
                    int offered = 8;
                    p.setInt(11, r.nextInt(10) == 0 ? offered : r.nextInt(offered));
                    int count = r.nextInt(6);
                    p.setInt(12, count * (2 + r.nextInt(4)));
                    p.setInt(13, count);
                    p.addBatch();
                    int[] picks = r.ints(0, nodes.size()).distinct().limit(3).toArray();
                    for (int pick : picks) {
                        e.setLong(1, i);
                        e.setLong(2, pick + 1);
                        e.setString(3, nodes.get(pick).id());
                        e.setInt(4, r.nextInt(5));
                        boolean offers = r.nextInt(10) < 6;
                        e.setString(5, offers ? (r.nextBoolean() ? "MENTOR" : "MENTOR,PEER_HELPER") : null);
                        if (offers) {
                            e.setInt(6, offered);
                        } else {
                            e.setNull(6, java.sql.Types.INTEGER);
                        }
                        e.setString(7, offers ? (r.nextBoolean() ? "ONLINE" : "ONLINE,IN_PERSON") : null);
                        e.addBatch();
                    }
                    if (i % 5_000 == 0) {
                        p.executeBatch();
                        e.executeBatch();
                    }
                }
                p.executeBatch();
                e.executeBatch();
            }
            c.commit();
            s.execute("analyze");
            System.out.printf("Loaded %,d profiles with %,d entries in %.1f s%n", n, 3L * n,
                    (System.nanoTime() - started) / 1e9);
        }
        return new Data(ds, nodes, n);
    }

    /** The result of a ranking run (milliseconds). */
    public record RankingResult(double p50, double p95, double floorP50, double floorP95, long candidates) {}

    /**
     * Ranks {@code runs} random requests after {@code warmup} ones, ours and the floor, timing both; each timed
     * request's answers go to {@code check} (outside the timings) when it is not null.
     */
    public static RankingResult ranking(Data data, int warmup, int runs, RankingCheck check) throws Exception {
        JdbcDataSource ds = data.dataSource();
        List<Node> nodes = data.nodes();
        int n = data.profiles();

        Scorer scorer = new Scorer(new Weights());
        Ranker ranker = new Ranker(scorer);
        OfferIndex query = new OfferIndex(new CandidateQuery(ds), scorer, java.time.Duration.ofHours(1));
        long loading = System.nanoTime();
        int indexed = query.size();
        System.out.printf("Offer index: %,d offers loaded in %.2f s (once; again after each change)%n", indexed,
                (System.nanoTime() - loading) / 1e9);
        Viewer viewer = VIEWER;
        long[] ours = new long[runs];
        long[] floor = new long[runs];
        long candidates = 0;
        Random requests = new Random(7);
        try (Connection c = ds.getConnection();
             PreparedStatement wikimedia = c.prepareStatement("select e.profile_id, count(*) as overlap "
                     + "from matching_entry e where e.offer_roles is not null and e.competency_identifier in (?, ?, ?) "
                     + "group by e.profile_id order by overlap desc, rand() limit 20")) {
            for (int run = -warmup; run < runs; run++) {
                int[] asked = requests.ints(0, nodes.size()).distinct().limit(3).toArray();
                Need need = need(nodes, asked, requests);
                long t0 = System.nanoTime();
                var top = ranker.rankSorted(need, query::sortedOffersOn, viewer, x -> true, 20);
                long t1 = System.nanoTime();
                for (int k = 0; k < 3; k++) {
                    wikimedia.setString(k + 1, nodes.get(asked[k]).id());
                }
                int rows = 0;
                List<long[]> floorRows = new ArrayList<>();
                try (ResultSet rs = wikimedia.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        floorRows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                long t2 = System.nanoTime();
                if (run >= 0 && check != null) {
                    check.check(need, asked, top, floorRows);
                }
                if (run >= 0) {
                    ours[run] = t1 - t0;
                    floor[run] = t2 - t1;
                    candidates += need.targets().keySet().stream().mapToLong(k -> query.sortedOffersOn(k).size()).sum();
                }
                if (top.isEmpty() || rows == 0) {
                    throw new IllegalStateException("empty result");
                }
            }
        }
        Arrays.sort(ours);
        Arrays.sort(floor);
        double p50 = ours[runs / 2] / 1e6;
        double p95 = ours[(int) (runs * 0.95)] / 1e6;
        double f50 = floor[runs / 2] / 1e6;
        double f95 = floor[(int) (runs * 0.95)] / 1e6;
        System.out.printf("%nRanking one request (3 competencies) against %,d profiles, %d requests:%n", n, runs);
        System.out.printf("| method | p50 (ms) | p95 (ms) |%n|---|---|---|%n");
        System.out.printf("| ours: offers on the request's taxonomy neighbourhood (in-memory offer index) + 8-factor score, visibility, top 20 "
                + "(%,d candidate offers a request on average) | %.1f | %.1f |%n", candidates / runs, p50, p95);
        System.out.printf("| floor: Wikimedia Capacity Exchange, unweighted count of overlapping capacities (SQL), top 20 "
                + "| %.1f | %.1f |%n", f50, f95);
        System.out.printf("| ratio ours / floor | %.1f | %.1f |%n", p50 / f50, p95 / f95);
        return new RankingResult(p50, p95, f50, f95, candidates / runs);
    }

    static Need need(List<Node> nodes, int[] asked, Random r) {
        Map<String, Need.Target> targets = new HashMap<>();
        for (int a : asked) {
            Node node = nodes.get(a);
            double target = r.nextInt(5) / 4.0;
            for (int i = 0; i < nodes.size(); i++) {
                Node other = nodes.get(i);
                Proximity p = i == a ? Proximity.SAME : other.parent() == a ? Proximity.SUB_COMPETENCY
                        : node.parent() == i ? Proximity.PARENT : other.area() == node.area() ? Proximity.SAME_AREA : null;
                if (p != null) {
                    Need.Target existing = targets.get(other.id());
                    if (existing == null || existing.proximity().value() < p.value()) {
                        targets.put(other.id(), new Need.Target(p, a + 1, target));
                    }
                }
            }
        }
        return new Need(targets, List.of(LANGUAGES[r.nextInt(LANGUAGES.length)]), COUNTRIES[r.nextInt(COUNTRIES.length)],
                CandidateQuery.offsetNow(ZONES[r.nextInt(ZONES.length)]), Format.ONLINE, null);
    }

    static void pairing(int n, int m, int capacity, int topK) {
        Random r = new Random(3);
        String competency = "pairing-competency";
        Scorer scorer = new Scorer(new Weights());
        Need[] needs = new Need[n];
        int[] menteeLanguages = new int[n];
        int[] menteeOrg = new int[n];
        for (int i = 0; i < n; i++) {
            List<String> languages = languages(r);
            menteeLanguages[i] = mask(languages);
            menteeOrg[i] = r.nextInt(500);
            needs[i] = new Need(Map.of(competency, new Need.Target(Proximity.SAME, 1, r.nextInt(5) / 4.0)), languages,
                    COUNTRIES[r.nextInt(COUNTRIES.length)], CandidateQuery.offsetNow(ZONES[r.nextInt(ZONES.length)]),
                    null, null);
        }
        Candidate[] offers = new Candidate[m];
        int[] mentorLanguages = new int[m];
        int[] mentorOrg = new int[m];
        for (int j = 0; j < m; j++) {
            List<String> languages = languages(r);
            mentorLanguages[j] = mask(languages);
            mentorOrg[j] = r.nextInt(500);
            int count = r.nextInt(6);
            offers[j] = new Candidate(j, false, (long) j, (long) mentorOrg[j], "Mentor " + j, languages,
                    COUNTRIES[r.nextInt(COUNTRIES.length)], CandidateQuery.offsetNow(ZONES[r.nextInt(ZONES.length)]),
                    Visibility.PUBLIC, r.nextInt(8), count * (2 + r.nextInt(4)), count, 1, competency, 2 + r.nextInt(3),
                    5, Set.of(Role.MENTOR), 8, Set.of(Format.ONLINE));
        }
        int[] capacities = new int[m];
        Arrays.fill(capacities, capacity);
        PairScorer scores = new PairScorer(new Weights(), needs, offers);
        CandidateGraph.PairScore pairs = (i, j) -> {
            if ((menteeLanguages[i] & mentorLanguages[j]) == 0 || menteeOrg[i] == mentorOrg[j]) {
                return -1;
            }
            return (int) Math.round(scores.value(i, j) * 1000);
        };
        long t0 = System.nanoTime();
        CandidateGraph first = CandidateGraph.build(n, capacities, pairs, topK);
        long t1 = System.nanoTime();
        PairingSolver.Result once = PairingSolver.solve(first);
        long t2 = System.nanoTime();
        PairingSolver.Pairing pairing = PairingSolver.pair(n, capacities, pairs, topK);
        long t3 = System.nanoTime();
        PairingSolver.Result result = pairing.result();
        CandidateGraph graph = pairing.graph();
        PairingSolver.Bound bound = PairingSolver.bound(n, capacities, pairs, graph, 0);
        PairingSolver.Bound tight = languageBound(n, m, capacity, menteeLanguages, mentorLanguages, pairing.graph());
        System.out.printf("%nPairing %,d mentees with %,d mentors of capacity %d (hard constraints: a shared language, "
                + "not the same organisation), top-%d candidate graph:%n", n, m, capacity, topK);
        System.out.printf("| step | time (s) |%n|---|---|%n");
        System.out.printf("| scoring %,d pairs and keeping each mentee's top %d | %.2f |%n", (long) n * m, topK,
                (t1 - t0) / 1e9);
        System.out.printf("| min-cost flow on the top-%d graph (OR-Tools SimpleMinCostFlow, %,d mentee-mentor arcs) "
                + "| %.2f |%n", topK, first.arcs(), (t2 - t1) / 1e9);
        System.out.printf("| whole pairing as the application runs it: top-%d graph, solve, then %d widening(s) for "
                + "mentees left unassigned (final graph %,d arcs), solve again | %.2f |%n", topK,
                pairing.augmentations(), graph.arcs(), (t3 - t2) / 1e9);
        System.out.printf("%n| result | placed | total score |%n|---|---|---|%n");
        System.out.printf("| top-%d graph only, one solve | %,d | %.1f |%n", topK, once.placed(),
                once.totalScore() / 1000.0);
        System.out.printf("| with widening (what a round does) | %,d | %.1f |%n", result.placed(),
                result.totalScore() / 1000.0);
        System.out.printf("| upper bound of the unpruned problem: placements by max flow over language groups, "
                + "score by each mentee's best feasible mentor | %,d | %.1f |%n", tight.placed(),
                tight.totalScore() / 1000.0);
        System.out.printf("| simple upper bound (mentees with a feasible mentor, capped by capacity) | %,d | %.1f |%n",
                bound.placed(), bound.totalScore() / 1000.0);
        System.out.printf("| gap to the bound | %,d | %.1f (%.2f %%) |%n", tight.placed() - result.placed(),
                (tight.totalScore() - result.totalScore()) / 1000.0,
                100.0 * (tight.totalScore() - result.totalScore()) / Math.max(1, tight.totalScore()));
    }

    /**
     * An upper bound of the unpruned problem for the benchmark's constraints: ignoring "not the same organisation"
     * (a relaxation), feasibility depends only on the language masks, so the most placements is a max flow between
     * mask groups (solved with OR-Tools); the score bound sums the best feasible scores of that many mentees.
     */
    static PairingSolver.Bound languageBound(int n, int m, int capacity, int[] menteeMask, int[] mentorMask,
            CandidateGraph graph) {
        Map<Integer, Integer> menteeGroups = new HashMap<>();
        Map<Integer, Integer> mentorGroups = new HashMap<>();
        for (int mask : menteeMask) {
            menteeGroups.merge(mask, 1, Integer::sum);
        }
        for (int mask : mentorMask) {
            mentorGroups.merge(mask, capacity, Integer::sum);
        }
        List<Integer> a = new ArrayList<>(menteeGroups.keySet());
        List<Integer> b = new ArrayList<>(mentorGroups.keySet());
        org.capacityhub.matching.pairing.NativeSolver.load();
        com.google.ortools.graph.MaxFlow flow = new com.google.ortools.graph.MaxFlow();
        int source = 0;
        int sink = 1 + a.size() + b.size();
        for (int x = 0; x < a.size(); x++) {
            flow.addArcWithCapacity(source, 1 + x, menteeGroups.get(a.get(x)));
            for (int y = 0; y < b.size(); y++) {
                if ((a.get(x) & b.get(y)) != 0) {
                    flow.addArcWithCapacity(1 + x, 1 + a.size() + y, n);
                }
            }
        }
        for (int y = 0; y < b.size(); y++) {
            flow.addArcWithCapacity(1 + a.size() + y, sink, mentorGroups.get(b.get(y)));
        }
        flow.solve(source, sink);
        int placed = (int) flow.getOptimalFlow();
        int[] best = graph.bestScore().clone();
        Arrays.sort(best);
        long total = 0;
        for (int i = best.length - 1, taken = 0; i >= 0 && taken < placed; i--, taken++) {
            total += Math.max(0, best[i]);
        }
        return new PairingSolver.Bound(placed, total, false);
    }

    static List<String> languages(Random r) {
        String first = LANGUAGES[r.nextInt(3)]; // en, fr, sw most common
        return r.nextInt(3) == 0 ? List.of(first, LANGUAGES[r.nextInt(LANGUAGES.length)]) : List.of(first);
    }

    static int mask(List<String> languages) {
        int mask = 0;
        for (String l : languages) {
            mask |= 1 << Arrays.asList(LANGUAGES).indexOf(l);
        }
        return mask;
    }
}
