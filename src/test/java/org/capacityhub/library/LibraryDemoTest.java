package org.capacityhub.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.capacityhub.library.domain.ResourceRepository;
import org.capacityhub.library.domain.ResourceStatus;
import org.capacityhub.library.search.LibrarySearch;
import org.capacityhub.library.search.SearchQuery;
import org.capacityhub.platform.demo.DemoDataset;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The library's demo: published resources drawn from the seeds, labelled demo, searchable, with a blog series. */
@IntegrationTest
@WithUserDetails("admin")
class LibraryDemoTest {

    @Autowired DemoDataset demoDataset;
    @Autowired ResourceRepository resources;
    @Autowired LibrarySearch search;

    @Test
    void theDemoLibraryHasPublishedSearchableResources() {
        demoDataset.load("admin");
        var demo = resources.findAll().stream().filter(r -> r.isDemo()).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(ResourceStatus.PUBLISHED))
                .allSatisfy(r -> assertThat(r.getTitle()).containsAnyOf("(demo)", "(démo)"));
        assertThat(demo).anySatisfy(r -> assertThat(r.getSeries()).isNotNull());
        assertThat(search.search(SearchQuery.text("knowledge management cycle")).hits())
                .anySatisfy(h -> assertThat(h.resource().isDemo()).isTrue());
        // French analysis: "connaissances" finds the French translation
        assertThat(search.search(SearchQuery.text("connaissance")).hits())
                .anySatisfy(h -> assertThat(h.resource().getLanguage()).isEqualTo("fr"));
    }
}
