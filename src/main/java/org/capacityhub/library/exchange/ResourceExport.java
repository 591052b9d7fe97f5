package org.capacityhub.library.exchange;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.search.LibrarySearch;
import org.capacityhub.library.search.SearchQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV export of the resources the current user may see: the published ones a search finds (with its words and
 * filters; the search itself finds only what the user may read), or the user's own resources in every state. Each
 * resource is checked again with {@link LibraryService#canRead} before it is written.
 */
@Service
@Transactional(readOnly = true)
public class ResourceExport {

    /** The most resources one export holds. */
    public static final int MAX_ROWS = 20_000;
    private static final int PAGE = 100;

    private final LibrarySearch search;
    private final LibraryService service;
    private final ResourceCsv csv;

    ResourceExport(LibrarySearch search, LibraryService service, ResourceCsv csv) {
        this.search = search;
        this.service = service;
        this.csv = csv;
    }

    /** Everything the search finds (all pages, newest first when asked), as CSV. */
    public byte[] search(SearchQuery query) {
        Set<Long> seen = new LinkedHashSet<>();
        List<Resource> found = new ArrayList<>();
        for (int page = 0; found.size() < MAX_ROWS; page++) {
            var results = search.search(new SearchQuery(query.text(), query.competencyIds(), query.kinds(),
                    query.languages(), query.countries(), query.regions(), query.levels(), query.licences(),
                    query.deliveries(), query.byDate(), page, PAGE));
            results.hits().stream().map(h -> h.resource())
                    .filter(r -> r != null && seen.add(r.getId()) && service.canRead(r)).forEach(found::add);
            if (results.hits().size() < PAGE || (long) (page + 1) * PAGE >= results.total()) {
                break;
            }
        }
        return csv(found.size() > MAX_ROWS ? found.subList(0, MAX_ROWS) : found);
    }

    /** The current user's own resources (drafts, in review, published, archived), as CSV. */
    public byte[] mine() {
        return csv(service.myWork());
    }

    private byte[] csv(List<Resource> resources) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            csv.write(resources, writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
