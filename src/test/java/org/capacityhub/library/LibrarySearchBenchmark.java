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
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
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
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.LibraryAnalysis;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceKind;
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

    /**
     * English and French vocabularies, most frequent first: the words of a text are drawn with a Zipf distribution
     * (the word of rank r with probability proportional to 1/r), as in natural text, so that common words are in
     * almost every resource and the rarer ones in a few percent of them.
     */
    private static final String[] ENGLISH = ("the of and to in a for is on that with as by are be this it from or "
            + "digital government data services public capacity building knowledge management skills training "
            + "learning policy strategy people organisation team civil servant ministry agency national local "
            + "development support programme project design service citizen user needs process systems technology "
            + "information access open community practice network partners coalition framework competency "
            + "assessment evaluation results impact guideline toolkit template case study good practice lessons "
            + "challenge approach context contacts leadership change transformation innovation infrastructure "
            + "identity payment registry interoperability architecture building block standards security privacy "
            + "protection governance ethics artificial intelligence cloud procurement budget funding monitoring "
            + "indicators maturity readiness baseline survey focus group facilitator workshop webinar mentoring "
            + "coaching peer exchange curriculum course module objectives participants expectations adult learners "
            + "trainers experts coordinator administrator country region continent africa asia europe latin america "
            + "pacific island small state connectivity broadband mobile rural urban inclusion gender accessibility "
            + "disability language multilingual translation content platform website portal application software "
            + "open source licence repository documentation version release quality review feedback rating "
            + "recommendation evidence research report analysis methodology indicator dashboard visualisation "
            + "statistics census health education agriculture finance tax customs justice election parliament "
            + "municipality procurement contract vendor market ecosystem startup private sector academia university "
            + "school teacher student youth women elderly migrants refugees emergency disaster resilience climate "
            + "environment energy water transport logistics supply chain agile scrum product owner roadmap backlog "
            + "iteration prototype pilot scale adoption sustainability maintenance operations incident response "
            + "cybersecurity encryption authentication consent records archives metadata catalogue taxonomy "
            + "ontology glossary definition blog series newsletter monthly annual conference summit declaration").split(" ");
    private static final String[] FRENCH = ("le la les de des du et en un une pour dans sur par est qui que avec "
            + "numérique gouvernement données services publics renforcement capacités connaissances compétences "
            + "formation apprentissage politique stratégie personnes organisation équipe fonctionnaire ministère "
            + "agence nationale locale développement soutien programme projet conception usager besoins processus "
            + "systèmes technologie information accès ouvert communauté pratique réseau partenaires coalition "
            + "référentiel évaluation résultats impact guide boîte outils modèle étude cas bonnes pratiques leçons "
            + "défi approche contexte contacts leadership changement transformation innovation infrastructure "
            + "identité paiement registre interopérabilité architecture bloc normes sécurité vie privée protection "
            + "gouvernance éthique intelligence artificielle nuage marchés budget financement suivi indicateurs "
            + "maturité atelier webinaire mentorat accompagnement pairs échange cursus module objectifs participants "
            + "attentes adultes formateurs experts coordinateur administrateur pays région afrique francophonie "
            + "connectivité inclusion genre accessibilité langue traduction contenu plateforme portail logiciel libre "
            + "licence documentation version qualité relecture avis recommandation preuves recherche rapport analyse "
            + "méthodologie tableau bord statistiques santé éducation agriculture finances fiscalité justice élection "
            + "commune écosystème secteur privé université école enseignant étudiant jeunes femmes urgence climat "
            + "environnement énergie eau transport agile produit feuille route prototype pilote adoption durabilité "
            + "exploitation incident cybersécurité chiffrement authentification consentement archives métadonnées "
            + "catalogue taxonomie glossaire définition série lettre mensuelle annuelle conférence sommet").split(" ");
    private static final double[] ENGLISH_ZIPF = zipf(ENGLISH.length);
    private static final double[] FRENCH_ZIPF = zipf(FRENCH.length);
    private static final String[] KINDS = {"GUIDELINE", "TOOLKIT", "TEMPLATE", "CASE_STUDY", "E_LEARNING", "ARTICLE",
            "VIDEO", "DATASET", "GLOSSARY", "BLOG_POST"};
    private static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "fr", "fr", "fr", "es", "pt"};
    private static final String[] COUNTRIES = {"KE", "SN", "RW", "GH", "FR", "DE", "BR", "IN", "ID", "PH", "CM", "CI"};
    private static final String[] REGIONS = {"Africa", "Africa", "Africa", "Africa", "Europe", "Europe",
            "Latin America", "Asia", "Asia", "Asia", "Africa", "Africa"};
    private static final String[] LICENCES = {"CC-BY-4.0", "CC-BY-4.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0",
            "Apache-2.0", "MIT"};
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
        int runs = Integer.getInteger("bench.runs", 40);
        List<Competency> tree = frameworks.publishedFrameworks().stream()
                .flatMap(v -> frameworks.tree(v.versionId()).stream()).toList();
        Competency parent = LibraryFixtures.domainAndChild(frameworks).get(0);
        Random random = new Random(42);
        StringBuilder report = new StringBuilder();

        long insertStart = System.nanoTime();
        insert(count, tree, random);
        line(report, String.format(Locale.ROOT, "Inserted %,d resources in %.1f s (JDBC batches)%n", count,
                seconds(insertStart)));

        // indexing: Hibernate Search mass indexer vs the same documents written with Lucene's IndexWriter
        long indexStart = System.nanoTime();
        search.reindex().get(2, TimeUnit.HOURS);
        double hsSeconds = seconds(indexStart);
        LuceneBackend backend = Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class);
        double floorSeconds = floorIndexing(backend);
        line(report, String.format(Locale.ROOT,
                "| indexing %,d resources | %.0f docs/s (%.1f s) | %.0f docs/s (%.1f s) | %.1f× |%n", count,
                count / hsSeconds, hsSeconds, count / floorSeconds, floorSeconds, hsSeconds / floorSeconds));

        Path indexDir = settings.indexDir().toAbsolutePath().resolve("library-resource");
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Map<String, SearchQuery> queries = new java.util.LinkedHashMap<>();
            queries.put("words (2), all facets", query("digital strategy", Set.of(), Set.of(), false));
            queries.put("a word with a typo, all facets", query("interoperabilty", Set.of(), Set.of(), false));
            queries.put("words + parent competency + language", query("training curriculum", Set.of(parent.id()),
                    Set.of("fr"), false));
            queries.put("words, newest first", query("open source licence", Set.of(), Set.of(), true));
            queries.put("browse: no words, parent competency + kind + region (newest first)", new SearchQuery(null,
                    Set.of(parent.id()), Set.of(ResourceKind.GUIDELINE, ResourceKind.TOOLKIT), null, null,
                    Set.of("Africa"), null, null, null, true, 0, 20));
            for (Map.Entry<String, SearchQuery> q : queries.entrySet()) {
                SearchQuery query = q.getValue();
                long hsHits = search.search(query).total();
                Query lucene = floorQuery(backend, query);
                long floorHits = searcher.count(lucene);
                boolean byDate = query.byDate() || !query.hasText();
                double[] hs = time(runs, () -> search.search(query).total());
                double[] floor = time(runs, () -> floorSearch(searcher, lucene, byDate));
                line(report, String.format(Locale.ROOT,
                        "| %s — %,d hits | p50 %.1f ms, p95 %.1f ms | p50 %.1f ms, p95 %.1f ms | %.1f× / %.1f× |%s%n",
                        q.getKey(), hsHits, hs[0], hs[1], floor[0], floor[1], hs[0] / floor[0], hs[1] / floor[1],
                        hsHits == floorHits ? "" : " (floor found " + floorHits + ")"));
            }
        }
        System.out.println("\n=== Library search benchmark ===\n" + report);
        Files.writeString(Path.of("target", "library-benchmark.md"), report.toString());
    }

    private static SearchQuery query(String text, Set<Long> competencies, Set<String> languages, boolean byDate) {
        return new SearchQuery(text, competencies, null, languages, null, null, null, null, null, byDate, 0, 20);
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
            List<String> rowLanguages = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
                boolean french = language.equals("fr");
                String title = capitalised(sentence(random, french, 4 + random.nextInt(6))) + " " + (start + i);
                String summary = sentence(random, french, 20 + random.nextInt(40));
                // the text extracted from a file: 100 to 900 words (a few pages)
                String text = sentence(random, french, 100 + random.nextInt(800));
                int place = random.nextInt(COUNTRIES.length);
                rowLanguages.add(language);
                rows.add(new Object[] {KINDS[random.nextInt(KINDS.length)], title, summary, language,
                        DELIVERIES[random.nextInt(3)], LICENCES[random.nextInt(LICENCES.length)], author,
                        random.nextInt(5) == 0 ? null : random.nextInt(3), text, COUNTRIES[place], REGIONS[place],
                        Timestamp.from(now.toInstant().minusSeconds(random.nextInt(86_400 * 365 * 5))), now, now});
            }
            jdbc.batchUpdate("insert into library_resource (kind, title, summary, language, delivery, licence, "
                    + "visibility, author_person_id, status, level_rank, extracted_text, country_code, region, "
                    + "extraction_status, published_at, created_at, updated_at, demo) values (?, ?, ?, ?, ?, ?, "
                    + "'PUBLIC', ?, 'PUBLISHED', ?, ?, ?, ?, 'DONE', ?, ?, ?, false)", rows);
            List<Long> ids = jdbc.queryForList("select id from library_resource order by id desc limit " + size,
                    Long.class);
            java.util.Collections.reverse(ids);
            List<Object[]> languages = new ArrayList<>();
            List<Object[]> tags = new ArrayList<>();
            List<Object[]> scope = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Long id = ids.get(i);
                languages.add(new Object[] {id, rowLanguages.get(i)});
                if (random.nextInt(4) == 0) {
                    languages.add(new Object[] {id, rowLanguages.get(i).equals("fr") ? "en" : "fr"});
                }
                // one to three competencies, with their ancestors in the scope
                Set<Long> inScope = new java.util.HashSet<>();
                Set<Long> tagged = new java.util.HashSet<>();
                for (int t = 0, n = 1 + random.nextInt(3); t < n; t++) {
                    Competency c = tree.get(random.nextInt(tree.size()));
                    if (tagged.add(c.id())) {
                        tags.add(new Object[] {id, c.id()});
                    }
                    for (Long p = c.id(); p != null; p = parents.get(p)) {
                        if (inScope.add(p)) {
                            scope.add(new Object[] {id, p});
                        }
                    }
                }
            }
            jdbc.batchUpdate("insert into library_resource_language (resource_id, language) values (?, ?)", languages);
            jdbc.batchUpdate("insert into library_resource_competency (resource_id, competency_id) values (?, ?)", tags);
            jdbc.batchUpdate("insert into library_resource_competency_scope (resource_id, competency_id) values (?, ?)",
                    scope);
        }
    }

    private static String sentence(Random random, boolean french, int words) {
        String[] vocabulary = french ? FRENCH : ENGLISH;
        double[] cumulative = french ? FRENCH_ZIPF : ENGLISH_ZIPF;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int rank = Arrays.binarySearch(cumulative, random.nextDouble());
            rank = rank >= 0 ? rank : Math.min(-rank - 1, vocabulary.length - 1);
            s.append(i == 0 ? "" : i % 12 == 0 ? ". " : " ").append(vocabulary[rank]);
        }
        return s.append('.').toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1, s.length() - 1);
    }

    /** Cumulative Zipf probabilities (exponent 1) of n ranks. */
    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < n; r++) {
            cumulative[r] /= sum;
        }
        return cumulative;
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
        Map<Long, List<String>> languages = new HashMap<>();
        jdbc.query("select resource_id, language from library_resource_language", rs -> {
            languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        Map<Long, List<Long>> scopes = new HashMap<>();
        jdbc.query("select resource_id, competency_id from library_resource_competency_scope", rs -> {
            scopes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir),
                new IndexWriterConfig(new PerFieldAnalyzerWrapper(standard, perField)))) {
            jdbc.query("select r.id, r.kind, r.title, r.summary, r.country_code, r.delivery, r.licence, r.level_rank, "
                    + "r.extracted_text, r.region, r.published_at from library_resource r order by r.id", rs -> {
                long id = rs.getLong(1);
                Document doc = new Document();
                doc.add(new StringField("id", Long.toString(id), Field.Store.YES));
                doc.add(new StringField("status", "PUBLISHED", Field.Store.NO));
                doc.add(new StringField("visibility", "PUBLIC", Field.Store.NO));
                List<String[]> keywords = new ArrayList<>();
                keywords.add(new String[] {"kind", rs.getString(2)});
                keywords.add(new String[] {"country", rs.getString(5)});
                keywords.add(new String[] {"delivery", rs.getString(6)});
                keywords.add(new String[] {"licence", rs.getString(7)});
                keywords.add(new String[] {"region", rs.getString(10)});
                languages.getOrDefault(id, List.of()).forEach(l -> keywords.add(new String[] {"languages", l}));
                for (String[] kw : keywords) {
                    if (kw[1] != null) {
                        doc.add(new StringField(kw[0], kw[1], Field.Store.NO));
                        doc.add(new SortedSetDocValuesField(kw[0], new BytesRef(kw[1])));
                    }
                }
                if (rs.getObject(8) != null) {
                    doc.add(new IntPoint("levelRank", rs.getInt(8)));
                    doc.add(new SortedNumericDocValuesField("levelRank", rs.getInt(8)));
                }
                for (long competency : scopes.getOrDefault(id, List.of())) {
                    doc.add(new LongPoint("competencyScope", competency));
                    doc.add(new SortedNumericDocValuesField("competencyScope", competency));
                }
                doc.add(new NumericDocValuesField("publishedAt", rs.getTimestamp(11).getTime()));
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

    /** The query LibrarySearch builds, written directly in Lucene (same fields, boosts, analysers). */
    private static Query floorQuery(LuceneBackend backend, SearchQuery q) throws Exception {
        BooleanQuery.Builder root = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("status", "PUBLISHED")), Occur.FILTER)
                .add(new TermQuery(new Term("visibility", "PUBLIC")), Occur.FILTER);
        if (q.hasText()) {
            Analyzer standard = backend.analyzer(LibraryAnalysis.STANDARD).orElseThrow();
            Map<String, Float> boosts = Map.of("title", 4f, "summary", 2f, "cover", 1.5f, "usecase", 1f, "text", 1f);
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            // all words, each in any field and analysis (English, French, neutral)
            Map<String, Analyzer> analysis = new java.util.LinkedHashMap<>();
            for (String f : TEXTS) {
                analysis.put(f, standard);
                analysis.put(f + "_en", backend.analyzer(LibraryAnalysis.ENGLISH).orElseThrow());
                analysis.put(f + "_fr", backend.analyzer(LibraryAnalysis.FRENCH).orElseThrow());
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String word : q.text().trim().split("\\s+")) {
                BooleanQuery.Builder fields = new BooleanQuery.Builder();
                for (Map.Entry<String, Analyzer> e : analysis.entrySet()) {
                    float boost = boosts.get(e.getKey().replaceAll("_(en|fr)$", ""));
                    for (String term : terms(e.getValue(), e.getKey(), word)) {
                        fields.add(new BoostQuery(new TermQuery(new Term(e.getKey(), term)), boost), Occur.SHOULD);
                    }
                }
                all.add(fields.build(), Occur.MUST);
            }
            any.add(new BoostQuery(all.build(), 3f), Occur.SHOULD);
            // typo tolerance: every word within its edit distance in one of the language-neutral fields
            BooleanQuery.Builder typos = new BooleanQuery.Builder();
            for (String word : terms(standard, "title", q.text())) {
                int edits = word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
                BooleanQuery.Builder fields = new BooleanQuery.Builder();
                for (String f : TEXTS) {
                    Query one = edits == 0 ? new TermQuery(new Term(f, word)) : new FuzzyQuery(new Term(f, word), edits, 1);
                    fields.add(new BoostQuery(one, boosts.get(f)), Occur.SHOULD);
                }
                typos.add(fields.build(), Occur.MUST);
            }
            any.add(typos.build(), Occur.SHOULD);
            // beginnings of all the words in titles
            BooleanQuery.Builder prefixes = new BooleanQuery.Builder();
            for (String term : terms(standard, "title_ngram", q.text())) {
                prefixes.add(new TermQuery(new Term("title_ngram", term)), Occur.MUST);
            }
            any.add(new BoostQuery(prefixes.build(), 0.5f), Occur.SHOULD);
            root.add(any.build(), Occur.MUST);
        }
        if (!q.competencyIds().isEmpty()) {
            root.add(LongPoint.newSetQuery("competencyScope", q.competencyIds()), Occur.FILTER);
        }
        if (!q.kinds().isEmpty()) {
            root.add(new TermInSetQuery("kind", q.kinds().stream().map(k -> new BytesRef(k.name())).toList()),
                    Occur.FILTER);
        }
        if (!q.languages().isEmpty()) {
            root.add(new TermInSetQuery("languages", q.languages().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (!q.regions().isEmpty()) {
            root.add(new TermInSetQuery("region", q.regions().stream().map(BytesRef::new).toList()), Occur.FILTER);
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

    private static final String[] FACET_FIELDS = {"competencyScope", "kind", "languages", "country", "region",
        "levelRank", "licence", "delivery"};

    /**
     * Top 20 (by score, or newest first) with the exact total, and the counts of the eight facets from the doc
     * values, in one pass over the matches; then the stored id of the 20.
     */
    private static long floorSearch(IndexSearcher searcher, Query query, boolean byDate) {
        try {
            CollectorManager<? extends Collector, ? extends TopDocs> top = byDate
                    ? new TopFieldCollectorManager(new Sort(new SortedNumericSortField("publishedAt",
                            SortField.Type.LONG, true)), 20, null, Integer.MAX_VALUE, false)
                    : new TopScoreDocCollectorManager(20, null, Integer.MAX_VALUE, false);
            Object[] results = searcher.search(query, new MultiCollectorManager(top, new FacetCounts()));
            TopDocs docs = (TopDocs) results[0];
            @SuppressWarnings("unchecked")
            Map<String, Map<Object, Integer>> facets = (Map<String, Map<Object, Integer>>) results[1];
            var stored = searcher.storedFields();
            long sum = 0;
            for (var hit : docs.scoreDocs) {
                sum += stored.document(hit.doc).get("id") == null ? 0 : 1;
            }
            return docs.totalHits.value + facets.size() + sum;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts of every value of the facet fields among the matches (values of keyword fields by ordinal). */
    private static final class FacetCounts implements CollectorManager<FacetCollector, Map<String, Map<Object, Integer>>> {

        @Override
        public FacetCollector newCollector() {
            return new FacetCollector();
        }

        @Override
        public Map<String, Map<Object, Integer>> reduce(java.util.Collection<FacetCollector> collectors) {
            Map<String, Map<Object, Integer>> all = new HashMap<>();
            for (FacetCollector collector : collectors) {
                collector.counts.forEach((f, c) -> c.forEach((v, n) -> all.computeIfAbsent(f, k -> new HashMap<>())
                        .merge(v, n, Integer::sum)));
            }
            return all;
        }
    }

    private static final class FacetCollector extends SimpleCollector {
                final Map<String, Map<Object, Integer>> counts = new HashMap<>();
                final Map<String, int[]> ordinals = new HashMap<>();
                final Map<String, SortedSetDocValues> sets = new HashMap<>();
                final Map<String, SortedNumericDocValues> numbers = new HashMap<>();

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws java.io.IOException {
                    flush();
                    for (String f : FACET_FIELDS) {
                        FieldInfo info = context.reader().getFieldInfos().fieldInfo(f);
                        if (info == null) {
                            continue;
                        }
                        if (info.getDocValuesType() == DocValuesType.SORTED_SET) {
                            SortedSetDocValues values = context.reader().getSortedSetDocValues(f);
                            sets.put(f, values);
                            ordinals.put(f, new int[(int) values.getValueCount()]);
                        } else if (info.getDocValuesType() == DocValuesType.SORTED_NUMERIC) {
                            numbers.put(f, context.reader().getSortedNumericDocValues(f));
                        }
                    }
                }

                @Override
                public void collect(int doc) throws java.io.IOException {
                    for (Map.Entry<String, SortedSetDocValues> e : sets.entrySet()) {
                        SortedSetDocValues set = e.getValue();
                        if (set.advanceExact(doc)) {
                            int[] ords = ordinals.get(e.getKey());
                            for (int i = 0; i < set.docValueCount(); i++) {
                                ords[(int) set.nextOrd()]++;
                            }
                        }
                    }
                    for (Map.Entry<String, SortedNumericDocValues> e : numbers.entrySet()) {
                        SortedNumericDocValues values = e.getValue();
                        if (values.advanceExact(doc)) {
                            Map<Object, Integer> c = counts.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                            for (int i = 0; i < values.docValueCount(); i++) {
                                c.merge(values.nextValue(), 1, Integer::sum);
                            }
                        }
                    }
                }

                /** Per-segment ordinal counts to values. */
                private void flush() throws java.io.IOException {
                    for (Map.Entry<String, SortedSetDocValues> e : sets.entrySet()) {
                        int[] ords = ordinals.get(e.getKey());
                        Map<Object, Integer> c = counts.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                        for (int o = 0; o < ords.length; o++) {
                            if (ords[o] > 0) {
                                c.merge(e.getValue().lookupOrd(o).utf8ToString(), ords[o], Integer::sum);
                            }
                        }
                    }
                    sets.clear();
                    ordinals.clear();
                    numbers.clear();
                }

                @Override
                public void finish() throws java.io.IOException {
                    flush();
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
    }

    private static double[] time(int runs, Supplier<Object> work) {
        for (int i = 0; i < Math.max(5, runs / 10); i++) {
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

    /** Adds a line to the report and prints it at once (a long run shows its progress). */
    private static void line(StringBuilder report, String line) {
        report.append(line);
        System.out.print("BENCH " + line);
        System.out.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static {
        // Resource is referenced so that the mapping is loaded before the benchmark
        Resource.class.getName();
    }
}
