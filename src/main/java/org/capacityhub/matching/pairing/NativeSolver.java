package org.capacityhub.matching.pairing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.ortools.Loader;

/**
 * Loads OR-Tools' native libraries once. OR-Tools copies them from its jar into a new directory under
 * {@code java.io.tmpdir}; a container or service account whose temporary directory does not exist would fail
 * there, so the directory is created first. (From the packaged application, Spring Boot has already unpacked the
 * OR-Tools jars, see {@code requiresUnpack} in pom.xml.)
 */
public final class NativeSolver {

    private static volatile boolean loaded;

    private NativeSolver() {}

    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (NativeSolver.class) {
            if (loaded) {
                return;
            }
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            try {
                Files.createDirectories(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException("java.io.tmpdir (" + tmp + ") does not exist and cannot be created: "
                        + "set -Djava.io.tmpdir to a writable directory", e);
            }
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }
}
