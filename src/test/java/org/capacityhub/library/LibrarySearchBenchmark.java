package org.capacityhub.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.LibraryAnalysis;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.search.LibrarySearch;
import org.capacityhub.library.search.SearchQuery;
import org.capacityhub.support.IntegrationTest;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The library search benchmark (not part of {@code ./mvnw verify}: the class name matches no test pattern). Loads
 * {@code -Dbench.resources} published resources (default 100,000) with texts drawn from a vocabulary of the seed
 * documents, indexes them with the mass indexer, then runs typical faceted queries through {@link LibrarySearch} and,
 * as the floor, the same query and facet counting directly on the same Lucene index with an {@link IndexSearcher}.
 * Indexing throughput is compared with writing the same documents with Lucene's {@link IndexWriter} and the same
 * analysers. Run: {@code bench/run.sh} (see bench/README.md).
 */
@IntegrationTest
@WithUserDetails("admin")
class LibrarySearchBenchmark {

    private static final String[] WORDS = ("capacity building digital government knowledge management cycle share "
            + "store utilise identify create guideline toolkit training assessment focus group facilitator "
            + "competency framework agile project management change strategic plan policy service enterprise "
            + "architecture interoperability building block identity payment registry data governance ethics "
            + "artificial intelligence civil servant leadership mentoring community practice coalition blog "
            + "evaluation recognition learning objectives adult participants expectations workshop webinar "
            + "connectivity ecosystem design thinking systems procurement cloud security privacy citizen "
            + "administration ministry agency transformation infrastructure open source standards curriculum "
            + "gouvernement numérique connaissances compétences formation évaluation administration publique "
            + "données gouvernance stratégie services citoyens partage bonnes pratiques").split(" ");
    private static final String[] KINDS = {"GUIDELINE", "TOOLKIT", "TEMPLATE", "CASE_STUDY", "E_LEARNING", "ARTICLE",
            "VIDEO", "DATASET", "GLOSSARY", "BLOG_POST"};
    private static final String[] LANGUAGES = {"en", "fr", "es", "pt", "ar"};
    private static final String[] LICENCES = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "Apache-2.0"};
    private static final String[] DELIVERIES = {"ONLINE", "IN_PERSON", "BLENDED"};
    private static final String[] TEXTS = {"title", "summary", "cover", "usecase", "text"};

    @Autowired JdbcTemplate jdbc;
    @Autowired LibrarySearch search;
    @Autowired Frameworks frameworks;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired LibrarySettings settings;

    @Test
    void benchmark() throws Exception {
        int count = Integer.getInteger("bench.resources", 100_000);
        int runs = Integer.getInteger("bench.runs", 200);
        List<Competency> tree = frameworks.publishedFrameworks().stream()
                .flatMap(v -> frameworks.tree(v.versionId()).stream()).toList();
        Competency parent = LibraryFixtures.domainAndChild(frameworks).get(0);
        Random random = new Random(42);
        StringBuilder report = new StringBuilder();

        long insertStart = System.nanoTime();
        insert(count, tree, random);
        report.append(String.format(Locale.ROOT, "Inserted %,d resources in %.1f s (JDBC batches)%n", count,
                seconds(insertStart)));

        // indexing: Hibernate Search mass indexer vs the same documents written with Lucene's IndexWriter
        long indexStart = System.nanoTime();
        search.reindex().get(2, TimeUnit.HOURS);
        double hsSeconds = seconds(indexStart);
        LuceneBackend backend = Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class);
        double floorSeconds = floorIndexing(backend);
        report.append(String.format(Locale.ROOT,
                "| indexing %,d resources | %.0f docs/s (%.1f s) | %.0f docs/s (%.1f s) | %.1f× |%n", count,
                count / hsSeconds, hsSeconds, count / floorSeconds, floorSeconds, hsSeconds / floorSeconds));

        Path indexDir = settings.indexDir().toAbsolutePath().resolve("library-resource");
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Map<String, SearchQuery> queries = new java.util.LinkedHashMap<>();
            queries.put("words (2), all facets", query("digital strategy", Set.of(), Set.of()));
            queries.put("words with a typo, all facets", query("interoperabilty", Set.of(), Set.of()));
            queries.put("words + parent competency + language", query("training", Set.of(parent.id()), Set.of("fr")));
            queries.put("no words, competency, newest first", new SearchQuery(null, Set.of(parent.id()), null, null,
                    null, null, null, null, null, true, 0, 20));
            for (Map.Entry<String, SearchQuery> q : queries.entrySet()) {
                long hsHits = search.search(q.getValue()).total();
                Query lucene = floorQuery(backend, q.getValue());
                long floorHits = searcher.count(lucene);
                double[] hs = time(runs, () -> search.search(q.getValue()).total());
                double[] floor = time(runs, () -> floorSearch(searcher, lucene, q.getValue().hasText()));
                report.append(String.format(Locale.ROOT,
                        "| %s | %,d hits | p50 %.1f ms, p95 %.1f ms | p50 %.1f ms, p95 %.1f ms | %.1f× / %.1f× |%s%n",
                        q.getKey(), hsHits, hs[0], hs[1], floor[0], floor[1], hs[0] / floor[0], hs[1] / floor[1],
                        hsHits == floorHits ? "" : " (floor found " + floorHits + ")"));
            }
        }
        System.out.println("\n=== Library search benchmark ===\n" + report);
        Files.writeString(Path.of("target", "library-benchmark.md"), report.toString());
    }

    private static SearchQuery query(String text, Set<Long> competencies, Set<String> languages) {
        return new SearchQuery(text, competencies, null, languages, null, null, null, null, null, false, 0, 20);
    }

    void insert(int count, List<Competency> tree, Random random) {
        Map<Long, Long> parents = new HashMap<>();
        tree.forEach(c -> parents.put(c.id(), c.parentId()));
        Timestamp now = Timestamp.from(Instant.now());
        long author = jdbc.queryForObject("select min(id) from person", Long.class);
        int batch = 1000;
        for (int start = 0; start < count; start += batch) {
            int size = Math.min(batch, count - start);
            List<Object[]> rows = new ArrayList<>();
            List<String[]> texts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String title = sentence(random, 6) + " " + (start + i);
                String summary = sentence(random, 30);
                String text = sentence(random, 300);
                texts.add(new String[] {title, summary, text});
                rows.add(new Object[] {KINDS[random.nextInt(KINDS.length)], title, summary,
                        LANGUAGES[random.nextInt(LANGUAGES.length)], DELIVERIES[random.nextInt(3)],
                        LICENCES[random.nextInt(LICENCES.length)], author, random.nextInt(3), text,
                        Timestamp.from(now.toInstant().minusSeconds(random.nextInt(86_400 * 365))), now, now});
            }
            jdbc.batchUpdate("insert into library_resource (kind, title, summary, language, delivery, licence, "
                    + "visibility, author_person_id, status, level_rank, extracted_text, extraction_status, "
                    + "published_at, created_at, updated_at, demo) values (?, ?, ?, ?, ?, ?, 'PUBLIC', ?, 'PUBLISHED', "
                    + "?, ?, 'DONE', ?, ?, ?, false)", rows);
            List<Long> ids = jdbc.queryForList("select id from library_resource order by id desc limit " + size,
                    Long.class);
            List<Object[]> languages = new ArrayList<>();
            List<Object[]> tags = new ArrayList<>();
            List<Object[]> scope = new ArrayList<>();
            for (Long id : ids) {
                languages.add(new Object[] {id, LANGUAGES[random.nextInt(LANGUAGES.length)]});
                Competency c = tree.get(random.nextInt(tree.size()));
                tags.add(new Object[] {id, c.id()});
                Long p = c.id();
                while (p != null) {
                    scope.add(new Object[] {id, p});
                    p = parents.get(p);
                }
            }
            jdbc.batchUpdate("insert into library_resource_language (resource_id, language) values (?, ?)", languages);
            jdbc.batchUpdate("insert into library_resource_competency (resource_id, competency_id) values (?, ?)", tags);
            jdbc.batchUpdate("insert into library_resource_competency_scope (resource_id, competency_id) values (?, ?)",
                    scope);
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    /** The same texts and facet fields written with Lucene's own IndexWriter and the same analysers. */
    private double floorIndexing(LuceneBackend backend) throws Exception {
        Analyzer standard = backend.analyzer(LibraryAnalysis.STANDARD).orElseThrow();
        Map<String, Analyzer> perField = new HashMap<>();
        for (String f : TEXTS) {
            perField.put(f + "_en", backend.analyzer(LibraryAnalysis.ENGLISH).orElseThrow());
            perField.put(f + "_fr", backend.analyzer(LibraryAnalysis.FRENCH).orElseThrow());
        }
        perField.put("title_ngram", backend.analyzer(LibraryAnalysis.NGRAM).orElseThrow());
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-floor-index");
        long start = System.nanoTime();
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir),
                new IndexWriterConfig(new PerFieldAnalyzerWrapper(standard, perField)))) {
            jdbc.query("select r.id, r.kind, r.title, r.summary, r.language, r.delivery, r.licence, r.level_rank, "
                    + "r.extracted_text, s.competency_id from library_resource r left join "
                    + "library_resource_competency_scope s on s.resource_id = r.id order by r.id", rs -> {
                Document doc = new Document();
                doc.add(new StringField("id", rs.getString(1), Field.Store.YES));
                doc.add(new StringField("status", "PUBLISHED", Field.Store.NO));
                doc.add(new StringField("visibility", "PUBLIC", Field.Store.NO));
                for (String[] kw : new String[][] {{"kind", rs.getString(2)}, {"languages", rs.getString(5)},
                        {"delivery", rs.getString(6)}, {"licence", rs.getString(7)}}) {
                    if (kw[1] != null) {
                        doc.add(new StringField(kw[0], kw[1], Field.Store.NO));
                        doc.add(new SortedSetDocValuesField(kw[0], new BytesRef(kw[1])));
                    }
                }
                doc.add(new SortedNumericDocValuesField("levelRank", rs.getInt(8)));
                long competency = rs.getLong(10);
                doc.add(new LongPoint("competencyScope", competency));
                doc.add(new SortedNumericDocValuesField("competencyScope", competency));
                String[] values = {rs.getString(3), rs.getString(4), null, null, rs.getString(9)};
                for (int i = 0; i < TEXTS.length; i++) {
                    if (values[i] != null) {
                        doc.add(new TextField(TEXTS[i], values[i], Field.Store.YES));
                        doc.add(new TextField(TEXTS[i] + "_en", values[i], Field.Store.NO));
                        doc.add(new TextField(TEXTS[i] + "_fr", values[i], Field.Store.NO));
                    }
                }
                doc.add(new TextField("title_ngram", rs.getString(3), Field.Store.NO));
                try {
                    writer.addDocument(doc);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.commit();
        }
        return seconds(start);
    }

    /** The query LibrarySearch builds, written directly in Lucene (same fields, same analysers). */
    private static Query floorQuery(LuceneBackend backend, SearchQuery q) throws Exception {
        BooleanQuery.Builder root = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("status", "PUBLISHED")), Occur.FILTER)
                .add(new TermQuery(new Term("visibility", "PUBLIC")), Occur.FILTER);
        if (q.hasText()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            // all words, in any field and analysis
            Map<String, Analyzer> analysis = new java.util.LinkedHashMap<>();
            for (String f : TEXTS) {
                analysis.put(f, backend.analyzer(LibraryAnalysis.STANDARD).orElseThrow());
                analysis.put(f + "_en", backend.analyzer(LibraryAnalysis.ENGLISH).orElseThrow());
                analysis.put(f + "_fr", backend.analyzer(LibraryAnalysis.FRENCH).orElseThrow());
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String word : q.text().trim().split("\\s+")) {
                BooleanQuery.Builder fields = new BooleanQuery.Builder();
                for (Map.Entry<String, Analyzer> e : analysis.entrySet()) {
                    for (String term : terms(e.getValue(), e.getKey(), word)) {
                        fields.add(new TermQuery(new Term(e.getKey(), term)), Occur.SHOULD);
                    }
                }
                all.add(fields.build(), Occur.MUST);
            }
            any.add(new BoostQuery(all.build(), 3f), Occur.SHOULD);
            // typo tolerance
            Analyzer standard = backend.analyzer(LibraryAnalysis.STANDARD).orElseThrow();
            for (String f : TEXTS) {
                for (String term : terms(standard, f, q.text())) {
                    any.add(new FuzzyQuery(new Term(f, term), 2, 1), Occur.SHOULD);
                }
            }
            for (String term : terms(standard, "title_ngram", q.text())) {
                any.add(new BoostQuery(new TermQuery(new Term("title_ngram", term)), 0.5f), Occur.SHOULD);
            }
            root.add(any.build(), Occur.MUST);
        }
        if (!q.competencyIds().isEmpty()) {
            root.add(LongPoint.newSetQuery("competencyScope", q.competencyIds()), Occur.FILTER);
        }
        if (!q.languages().isEmpty()) {
            root.add(new TermInSetQuery("languages", q.languages().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        return root.build();
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) throws Exception {
        List<String> result = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                result.add(term.toString());
            }
            stream.end();
        }
        return result;
    }

    /** Top 20 and the counts of the eight facets, straight from the doc values. */
    private static long floorSearch(IndexSearcher searcher, Query query, boolean byScore) {
        try {
            var top = searcher.search(query, new TopScoreDocCollectorManager(20, 1000));
            Map<String, Map<Object, Integer>> facets = new HashMap<>();
            String[] fields = {"competencyScope", "kind", "languages", "country", "region", "levelRank", "licence",
                    "delivery"};
            searcher.search(query, new SimpleCollector() {
                private final Map<String, Object> values = new HashMap<>();

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws java.io.IOException {
                    values.clear();
                    for (String f : fields) {
                        FieldInfo info = context.reader().getFieldInfos().fieldInfo(f);
                        if (info == null) {
                            continue;
                        }
                        if (info.getDocValuesType() == DocValuesType.SORTED_SET) {
                            values.put(f, context.reader().getSortedSetDocValues(f));
                        } else if (info.getDocValuesType() == DocValuesType.SORTED_NUMERIC) {
                            values.put(f, context.reader().getSortedNumericDocValues(f));
                        }
                    }
                }

                @Override
                public void collect(int doc) throws java.io.IOException {
                    for (Map.Entry<String, Object> e : values.entrySet()) {
                        Map<Object, Integer> counts = facets.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                        if (e.getValue() instanceof SortedSetDocValues set && set.advanceExact(doc)) {
                            for (int i = 0; i < set.docValueCount(); i++) {
                                counts.merge(set.nextOrd(), 1, Integer::sum);
                            }
                        } else if (e.getValue() instanceof SortedNumericDocValues numbers && numbers.advanceExact(doc)) {
                            for (int i = 0; i < numbers.docValueCount(); i++) {
                                counts.merge(numbers.nextValue(), 1, Integer::sum);
                            }
                        }
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            return top.totalHits.value + facets.size();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] time(int runs, Supplier<Object> work) {
        for (int i = 0; i < Math.max(20, runs / 5); i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1]};
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static {
        // Resource is referenced so that the mapping is loaded before the benchmark
        Resource.class.getName();
    }
}
