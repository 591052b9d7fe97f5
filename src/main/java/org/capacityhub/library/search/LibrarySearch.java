package org.capacityhub.library.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.apache.lucene.analysis.Analyzer;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.LibraryAnalysis;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.ResourceStatus;
import org.capacityhub.library.domain.Visibility;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search of the library through Hibernate Search: words in any of the texts (title, summary, cover text,
 * use case, file text) analysed in English, French and language-neutrally, with typo tolerance (fuzzy matching on
 * the language-neutral fields), highlighted snippets and facets. Only published resources the current user may
 * read are ever found: public ones, and private ones of organisations whose data they may see.
 */
@Service
@Transactional(readOnly = true)
public class LibrarySearch {

    static final String[] TEXT_FIELDS = {"title", "summary", "cover", "usecase", "text"};
    private static final Map<String, Float> BOOSTS = Map.of("title", 4f, "summary", 2f, "cover", 1.5f, "usecase", 1f,
            "text", 1f);

    public static final List<String> FACETS = List.of("competency", "kind", "language", "country", "region", "level",
            "licence", "delivery");

    @PersistenceContext
    private EntityManager entityManager;

    private final DirectoryAccess access;

    private volatile Analyzer[] analyzers;

    LibrarySearch(DirectoryAccess access) {
        this.access = access;
    }

    public SearchResults search(SearchQuery q) {
        SearchSession session = Search.session(entityManager);
        AggregationKey<Map<Long, Long>> competencyKey = AggregationKey.of("competency");
        AggregationKey<Map<ResourceKind, Long>> kindKey = AggregationKey.of("kind");
        AggregationKey<Map<String, Long>> languageKey = AggregationKey.of("language");
        AggregationKey<Map<String, Long>> countryKey = AggregationKey.of("country");
        AggregationKey<Map<String, Long>> regionKey = AggregationKey.of("region");
        AggregationKey<Map<Integer, Long>> levelKey = AggregationKey.of("level");
        AggregationKey<Map<String, Long>> licenceKey = AggregationKey.of("licence");
        AggregationKey<Map<Delivery, Long>> deliveryKey = AggregationKey.of("delivery");

        boolean text = q.hasText();
        Snippets snippets = text ? snippets(q.text()) : null;
        SearchResult<List<?>> result = session.search(Resource.class)
                .select(f -> f.composite().from(f.entity(), f.score()).asList())
                .where((f, root) -> {
                    root.add(visible(f));
                    if (text) {
                        root.add(matching(f, q.text(), snippets.words()));
                    }
                    filters(f, q, root);
                })
                .sort(f -> q.byDate() || !text ? f.field("publishedAt").desc().then().score()
                        : f.score().then().field("publishedAt").desc())
                .aggregation(competencyKey, f -> f.terms().field("competencyScope", Long.class).maxTermCount(200))
                .aggregation(kindKey, f -> f.terms().field("kind", ResourceKind.class).maxTermCount(20))
                .aggregation(languageKey, f -> f.terms().field("languages", String.class).maxTermCount(50))
                .aggregation(countryKey, f -> f.terms().field("country", String.class).maxTermCount(50))
                .aggregation(regionKey, f -> f.terms().field("region", String.class).maxTermCount(50))
                .aggregation(levelKey, f -> f.terms().field("levelRank", Integer.class).maxTermCount(20))
                .aggregation(licenceKey, f -> f.terms().field("licence", String.class).maxTermCount(50))
                .aggregation(deliveryKey, f -> f.terms().field("delivery", Delivery.class).maxTermCount(5))
                .fetch(q.page() * q.size(), q.size());

        List<SearchResults.Hit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            Resource r = (Resource) row.get(0);
            if (r == null) {
                continue;
            }
            float score = row.get(1) == null ? 0 : (Float) row.get(1);
            SafeHtml title = SafeHtml.plain(r.getTitle());
            SafeHtml snippet = null;
            if (text) {
                String marked = snippets.title(r.getTitle());
                if (marked != null) {
                    title = SafeHtml.fromHighlighted(marked);
                }
                for (String field : new String[] {r.getSummary(), r.getCoverText(), r.getUseCaseText(),
                        r.getExtractedText()}) {
                    String passage = snippets.snippet(field, 2);
                    if (passage != null) {
                        snippet = SafeHtml.fromHighlighted(passage);
                        break;
                    }
                }
            }
            hits.add(new SearchResults.Hit(r, title, snippet, score));
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("competency", stringKeys(result.aggregation(competencyKey)));
        facets.put("kind", stringKeys(result.aggregation(kindKey)));
        facets.put("language", stringKeys(result.aggregation(languageKey)));
        facets.put("country", stringKeys(result.aggregation(countryKey)));
        facets.put("region", stringKeys(result.aggregation(regionKey)));
        facets.put("level", stringKeys(result.aggregation(levelKey)));
        facets.put("licence", stringKeys(result.aggregation(licenceKey)));
        facets.put("delivery", stringKeys(result.aggregation(deliveryKey)));
        return new SearchResults(hits, result.total().hitCount(), facets, q.page(), q.size());
    }

    /**
     * Published resources the current user may read that are tagged with any of the competencies, the ones tagged
     * with more of them first, then the newest; at most {@code limit}.
     */
    public List<Resource> taggedWith(Set<Long> competencyIds, Set<String> languages, Set<Delivery> deliveries,
            boolean freeOnly, int limit) {
        if (competencyIds.isEmpty()) {
            return List.of();
        }
        return Search.session(entityManager).search(Resource.class)
                .where((f, root) -> {
                    root.add(visible(f));
                    BooleanPredicateClausesStep<?, ?> any = f.bool();
                    competencyIds.forEach(id -> any.should(f.match().field("competencies").matching(id)));
                    root.add(any);
                    if (!languages.isEmpty()) {
                        root.add(f.terms().field("languages").matchingAny(languages));
                    }
                    if (!deliveries.isEmpty()) {
                        root.add(f.terms().field("delivery").matchingAny(deliveries));
                    }
                    if (freeOnly) {
                        root.add(f.match().field("free").matching(true));
                    }
                })
                .sort(f -> f.score().then().field("publishedAt").desc())
                .fetchHits(limit).stream().filter(r -> r != null).toList();
    }

    /** Published, and public or of an organisation whose data the user may see. */
    private SearchPredicate visible(SearchPredicateFactory f) {
        SearchPredicate published = f.match().field("status").matching(ResourceStatus.PUBLISHED).toPredicate();
        if (access.isAdministrator()) {
            return published;
        }
        Set<Long> organisations = access.viewableOrganisationIds();
        BooleanPredicateClausesStep<?, ?> readable = f.bool()
                .should(f.match().field("visibility").matching(Visibility.PUBLIC));
        if (!organisations.isEmpty()) {
            readable.should(f.terms().field("organisationId").matchingAny(organisations));
        }
        return f.bool().must(published).must(readable).toPredicate();
    }

    private static SearchPredicate matching(SearchPredicateFactory f, String text, Set<String> words) {
        BooleanPredicateClausesStep<?, ?> any = f.bool();
        // exact and stemmed words, all of them required (English and French analysis); the search syntax of
        // simple query strings ("phrases", -excluded) applies here
        var exact = f.simpleQueryString().field("title").boost(BOOSTS.get("title"));
        for (String field : TEXT_FIELDS) {
            float boost = BOOSTS.get(field);
            exact = exact.field(field).boost(boost).field(field + "_en").boost(boost).field(field + "_fr").boost(boost);
        }
        any.should(exact.matching(text).defaultOperator(BooleanOperator.AND).boost(3f));
        // typo tolerance: every word, within as many edits as its length allows (Snippets.maxEdits), in one of the
        // language-neutral fields
        if (!words.isEmpty()) {
            BooleanPredicateClausesStep<?, ?> typos = f.bool();
            for (String word : words) {
                var fields = f.match().field("title").boost(BOOSTS.get("title"));
                for (String field : TEXT_FIELDS) {
                    fields = fields.field(field).boost(BOOSTS.get(field));
                }
                int edits = Snippets.maxEdits(word);
                typos.must(edits == 0 ? fields.matching(word) : fields.matching(word).fuzzy(edits, 1));
            }
            any.should(typos);
        }
        // beginnings of all the words in titles
        any.should(f.simpleQueryString().field("title_ngram").matching(text).defaultOperator(BooleanOperator.AND)
                .boost(0.5f));
        return any.toPredicate();
    }

    /** The snippet builder of one search, with the same analysers as the index. */
    private Snippets snippets(String text) {
        Analyzer[] analyzers = this.analyzers;
        if (analyzers == null) {
            analyzers = analyzers();
            this.analyzers = analyzers;
        }
        return new Snippets(analyzers[0], analyzers[1], analyzers[2], text);
    }

    private Analyzer[] analyzers() {
        try {
            LuceneBackend lucene = Search.mapping(entityManager.getEntityManagerFactory()).backend()
                    .unwrap(LuceneBackend.class);
            return new Analyzer[] {lucene.analyzer(LibraryAnalysis.STANDARD).orElseThrow(),
                    lucene.analyzer(LibraryAnalysis.ENGLISH).orElseThrow(),
                    lucene.analyzer(LibraryAnalysis.FRENCH).orElseThrow()};
        } catch (SearchException notLucene) {
            // Elasticsearch/OpenSearch backend: the same analysis chains built with Lucene for the snippets
            return SnippetAnalyzers.build();
        }
    }

    private static void filters(SearchPredicateFactory f,
            SearchQuery q, org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateClausesCollector<?, ?> root) {
        if (!q.competencyIds().isEmpty()) {
            root.add(f.terms().field("competencyScope").matchingAny(q.competencyIds()));
        }
        if (!q.kinds().isEmpty()) {
            root.add(f.terms().field("kind").matchingAny(q.kinds()));
        }
        if (!q.languages().isEmpty()) {
            root.add(f.terms().field("languages").matchingAny(q.languages()));
        }
        if (!q.countries().isEmpty()) {
            root.add(f.terms().field("country").matchingAny(q.countries()));
        }
        if (!q.regions().isEmpty()) {
            root.add(f.terms().field("region").matchingAny(q.regions()));
        }
        if (!q.levels().isEmpty()) {
            root.add(f.terms().field("levelRank").matchingAny(q.levels()));
        }
        if (!q.licences().isEmpty()) {
            root.add(f.terms().field("licence").matchingAny(q.licences()));
        }
        if (!q.deliveries().isEmpty()) {
            root.add(f.terms().field("delivery").matchingAny(q.deliveries()));
        }
    }

    private static <K> Map<String, Long> stringKeys(Map<K, Long> counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    /** Rebuilds the whole index from the database (administrators' reindex command, and start-up repair). */
    public CompletableFuture<?> reindex() {
        return Search.session(entityManager).massIndexer(Resource.class).threadsToLoadObjects(1)
                .typesToIndexInParallel(1).start().toCompletableFuture();
    }

    /** How many documents the index holds (all statuses). */
    public long indexedCount() {
        return Search.session(entityManager).search(Resource.class).where(f -> f.matchAll()).fetchTotalHitCount();
    }

    static <T> Function<T, T> identity() {
        return Function.identity();
    }
}
