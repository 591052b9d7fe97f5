package org.capacityhub.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.library.search.LibrarySearch;
import org.capacityhub.library.search.SearchQuery;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The library's tables and search on PostgreSQL: create, review, publish, find. */
@PostgresIntegrationTest
class LibraryPostgresTest {

    @Autowired ApplicationContext context;
    @Autowired LibraryService service;
    @Autowired LibrarySearch search;
    @Autowired Frameworks frameworks;

    @Test
    void aResourceIsPublishedAndFoundOnPostgres() {
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        var ministry = directory.ministry("Postgres Library Ministry");
        Actor author = directory.memberOf(ministry);
        Actor reviewer = directory.memberOf(ministry);
        List<Competency> pair = LibraryFixtures.domainAndChild(frameworks);
        String word = "pgword" + DirectoryFixtures.unique().replaceAll("[0-9]", "");
        long id = LibraryFixtures.as(author, () -> service.create(LibraryFixtures.input("Postgres " + word,
                "Summary " + word, Set.of(pair.get(1).id()), Visibility.PUBLIC, 1, "en")));
        LibraryFixtures.run(author, () -> service.submit(id, Set.of(reviewer.personId())));
        LibraryFixtures.run(reviewer, () -> service.publish(id));
        var found = LibraryFixtures.as(author, () -> search.search(new SearchQuery(word, Set.of(pair.get(0).id()),
                null, null, null, null, null, null, null, false, 0, 20)));
        assertThat(found.hits()).extracting(h -> h.resource().getId()).containsExactly(id);
        assertThat(LibraryFixtures.as(author, () -> service.history(id))).hasSize(1);
    }
}
