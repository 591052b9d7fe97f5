package org.capacityhub.library.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.capacityhub.library.LibrarySettings;
import org.capacityhub.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the Lucene index under the data directory (unless configured otherwise) and, before Hibernate Search opens
 * it, checks it: a corrupt index is moved aside (and rebuilt from the database after start, see
 * {@code IndexHealth}). With the Elasticsearch backend ({@code hibernate.search.backend.type=elasticsearch}) this
 * does nothing.
 */
@Component
class IndexLocation implements HibernatePropertiesCustomizer {

    static final String INDEX_NAME = "library-resource";
    private static final Logger log = LoggerFactory.getLogger(IndexLocation.class);

    private final Path root;

    IndexLocation(LibrarySettings settings, PlatformSettings platform) {
        this.root = (settings.indexDir() != null ? settings.indexDir() : platform.dataDir().resolve("index"))
                .toAbsolutePath().normalize();
    }

    @Override
    public void customize(Map<String, Object> properties) {
        Object type = properties.get("hibernate.search.backend.type");
        if (type != null && !"lucene".equals(type.toString())) {
            return;
        }
        properties.putIfAbsent("hibernate.search.backend.directory.root", root.toString());
        moveAsideIfCorrupt(Path.of(properties.get("hibernate.search.backend.directory.root").toString())
                .resolve(INDEX_NAME));
    }

    static void moveAsideIfCorrupt(Path index) {
        if (!Files.isDirectory(index)) {
            return;
        }
        boolean healthy;
        try (FSDirectory directory = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(directory)) {
                try (var files = Files.list(index)) {
                    healthy = files.noneMatch(f -> !f.getFileName().toString().equals("write.lock"));
                }
            } else {
                try (CheckIndex check = new CheckIndex(directory)) {
                    healthy = check.checkIndex().clean;
                }
            }
        } catch (IOException | RuntimeException e) {
            healthy = false;
        }
        if (!healthy) {
            Path aside = index.resolveSibling(index.getFileName() + ".corrupt-" + Instant.now().toEpochMilli());
            try {
                Files.move(index, aside);
                log.warn("The search index {} was corrupt: moved to {}; it is rebuilt from the database", index, aside);
            } catch (IOException e) {
                throw new IllegalStateException("The search index " + index + " is corrupt and could not be moved aside", e);
            }
        }
    }
}
