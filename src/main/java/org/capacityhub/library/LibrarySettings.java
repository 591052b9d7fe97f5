package org.capacityhub.library;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Library settings under {@code capacityhub.library.*}.
 *
 * @param maxUploadSize    the largest file accepted (default 50 MB); keep {@code spring.servlet.multipart.*} at
 *                         least as large so that the library, not the servlet container, answers with its message
 * @param extractionTimeout how long text extraction of one file may run (default 60 s)
 * @param maxExtractedChars the most text kept from one file (default 1,000,000 characters; the rest is not indexed)
 * @param indexDir         where the Lucene index lives (default {@code <data-dir>/index})
 * @param filesDir         where uploaded files are stored (default {@code <data-dir>/library-files}), outside the
 *                         web root
 */
@ConfigurationProperties("capacityhub.library")
public record LibrarySettings(DataSize maxUploadSize, Duration extractionTimeout, Integer maxExtractedChars,
        Path indexDir, Path filesDir) {

    public LibrarySettings {
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(50) : maxUploadSize;
        extractionTimeout = extractionTimeout == null ? Duration.ofSeconds(60) : extractionTimeout;
        maxExtractedChars = maxExtractedChars == null || maxExtractedChars <= 0 ? 1_000_000
                : Math.min(maxExtractedChars, 1_000_000);
    }
}
