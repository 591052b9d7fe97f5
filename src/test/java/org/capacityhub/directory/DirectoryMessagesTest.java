package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** English and French are complete for the directory, and every key its pages use exists. */
class DirectoryMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DirectoryMessagesTest.class.getResourceAsStream("/messages/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void frenchHasEveryEnglishKeyAndNoOther() throws IOException {
        assertThat(load("directory_fr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("directory.properties").stringPropertyNames());
    }

    @Test
    void everyLiteralKeyOfTheDirectoryPagesExists() throws IOException {
        Set<String> known = new TreeSet<>(load("directory.properties").stringPropertyNames());
        known.addAll(load("platform.properties").stringPropertyNames());
        Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)[(}]|'([a-z]+\\.[a-zA-Z0-9_.]+)'");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/directory"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    String found = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!found.endsWith(".") && !known.contains(found)) {
                        missing.add(found + " in " + file.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
