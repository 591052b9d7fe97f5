package org.capacityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * English and French are complete in every module's message bundle, and no message with arguments loses an
 * apostrophe to MessageFormat (which needs it doubled).
 */
class MessageBundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+[^}]*}");
    private static final Pattern SINGLE_QUOTE = Pattern.compile("(?<!')'(?!')");

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.filter(f -> f.getFileName().toString().matches("[a-z]+\\.properties")).sorted().toList();
        }
    }

    @Test
    void everyEnglishKeyHasAFrenchTranslationAndBack() throws IOException {
        List<Path> bundles = englishBundles();
        assertThat(bundles).isNotEmpty();
        for (Path english : bundles) {
            Path french = english.resolveSibling(english.getFileName().toString().replace(".properties", "_fr.properties"));
            assertThat(french).as("French bundle of %s", english.getFileName()).exists();
            TreeSet<String> en = new TreeSet<>(load(english).stringPropertyNames());
            TreeSet<String> fr = new TreeSet<>(load(french).stringPropertyNames());
            TreeSet<String> missingInFrench = new TreeSet<>(en);
            missingInFrench.removeAll(fr);
            TreeSet<String> missingInEnglish = new TreeSet<>(fr);
            missingInEnglish.removeAll(en);
            assertThat(missingInFrench).as("keys of %s missing in French", english.getFileName()).isEmpty();
            assertThat(missingInEnglish).as("keys of %s missing in English", french.getFileName()).isEmpty();
        }
    }

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties properties = load(file);
                for (String key : properties.stringPropertyNames()) {
                    String message = properties.getProperty(key);
                    if (ARGUMENT.matcher(message).find() && SINGLE_QUOTE.matcher(message).find()) {
                        broken.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(broken).as("messages with {0} arguments and a single apostrophe (write '' instead)").isEmpty();
    }

    @Test
    void everyKindOfThingNotFoundHasANameInTheBundles() throws IOException {
        Pattern notFound = Pattern.compile("new NotFoundException\\(\"([^\"]+)\"");
        TreeSet<String> kinds = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                notFound.matcher(Files.readString(source)).results().forEach(m -> kinds.add(m.group(1)));
            }
        }
        assertThat(kinds).contains("Assessment", "Gap report");
        Properties english = load(MESSAGES.resolve("platform.properties"));
        Properties french = load(MESSAGES.resolve("platform_fr.properties"));
        for (String kind : kinds) {
            if (kind.startsWith("CF")) {
                continue; // 1EdTech CASE's own names (CFDocument, CFItem...) stay as they are in every language
            }
            assertThat(english.stringPropertyNames()).as("English name of %s", kind)
                    .contains("entity." + NotFoundException.key(kind));
        }
        assertThat(NotFoundException.key("Gap report")).isEqualTo("gapReport");
        assertThat(NotFoundException.key("SelfAssessment")).isEqualTo("selfAssessment");

        org.springframework.context.support.ResourceBundleMessageSource messages =
                new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages/platform");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        NotFoundException e = new NotFoundException("SelfAssessment", 999999999L);
        assertThat(messages.getMessage(e, java.util.Locale.FRENCH))
                .isEqualTo(french.getProperty("entity.selfAssessment") + " 999999999 est introuvable.");
        assertThat(messages.getMessage(e, java.util.Locale.ENGLISH)).isEqualTo("Self-assessment 999999999 was not found.");
        assertThat(messages.getMessage(new NotFoundException("CFItem", "x"), java.util.Locale.FRENCH))
                .as("a kind the bundles do not name keeps its own name").isEqualTo("CFItem x est introuvable.");
    }
}
