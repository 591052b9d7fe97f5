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

    @Autowired org.capacityhub.library.exchange.ResourceImports imports;
    @Autowired org.capacityhub.library.exchange.ResourceImportRepository importRepository;

    @Test
    void aCsvImportIsCheckedAndWrittenOnPostgres() throws Exception {
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        Actor importer = directory.memberOf(directory.ministry("Postgres Import Ministry"));
        Competency child = LibraryFixtures.domainAndChild(frameworks).get(1);
        String tag = DirectoryFixtures.unique();
        String bad = "kind,title,language,cost_amount,cost_currency\nGUIDELINE,Bad " + tag + ",en,5,EURO\n";
        var invalid = LibraryFixtures.as(importer, () -> imports.preview("bad.csv",
                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(invalid.getState()).isEqualTo("INVALID");
        assertThat(LibraryFixtures.as(importer, () -> imports.own(invalid.getId()).getErrors()))
                .extracting(e -> e.getCode()).containsExactly("library.currency.invalid");
        String good = "kind,title,language,competencies,sdgs\nTOOLKIT,Postgres import " + tag + ",en,"
                + child.frameworkIdentifier() + ":" + child.code() + ",4|5\n";
        var ready = LibraryFixtures.as(importer, () -> imports.preview("good.csv",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ready.getState()).isEqualTo("READY");
        LibraryFixtures.run(importer, () -> imports.confirm(ready.getId()));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (!importRepository.findById(ready.getId()).orElseThrow().finished() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(importRepository.findById(ready.getId()).orElseThrow().getState()).isEqualTo("DONE");
        assertThat(LibraryFixtures.as(importer, () -> service.myWork())).extracting(r -> r.getTitle())
                .contains("Postgres import " + tag);
    }
}
