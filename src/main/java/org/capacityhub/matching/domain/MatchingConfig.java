package org.capacityhub.matching.domain;

import javax.sql.DataSource;

import org.capacityhub.matching.ranking.CandidateQuery;
import org.capacityhub.matching.ranking.OfferIndex;
import org.capacityhub.matching.ranking.Ranker;
import org.capacityhub.matching.ranking.Scorer;
import org.capacityhub.matching.ranking.Weights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MatchingConfig {

    @Bean
    Scorer matchingScorer(Weights weights) {
        return new Scorer(weights);
    }

    @Bean
    org.capacityhub.matching.ranking.ResourceScorer matchingResourceScorer(Weights weights) {
        return new org.capacityhub.matching.ranking.ResourceScorer(weights);
    }

    @Bean
    Ranker matchingRanker(Scorer scorer) {
        return new Ranker(scorer);
    }

    @Bean
    OfferIndex matchingOfferIndex(CandidateQuery query, Scorer scorer) {
        return new OfferIndex(query, scorer, java.time.Duration.ofMinutes(1));
    }

    @Bean
    CandidateQuery matchingCandidateQuery(DataSource dataSource) {
        return new CandidateQuery(dataSource);
    }
}
