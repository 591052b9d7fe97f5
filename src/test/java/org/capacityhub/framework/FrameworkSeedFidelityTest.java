package org.capacityhub.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.capacityhub.framework.exchange.BuiltInFrameworks;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.framework.exchange.FrameworkData.NodeData;
import org.junit.jupiter.api.Test;

/**
 * The built-in frameworks' text is the seed documents' text, verbatim, oddities included. The seeds live in
 * {@code shared/seeds} beside the repository (../shared/seeds); without them this test fails rather than skips.
 * <p>
 * What "verbatim" means here: every statement is one line of the seed, character for character, without the
 * spaces or tabs around it; a section title that the seed's table wraps over several lines is joined with
 * single spaces.
 */
class FrameworkSeedFidelityTest {

    static Path seeds() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/seeds");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return candidate;
            }
        }
        throw new AssertionError("The seed documents (../shared/seeds beside the repository) were not found: "
                + "the built-in frameworks cannot be checked against them.");
    }

    static String seed(String prefix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(seeds(), prefix + "_*.txt")) {
            for (Path file : files) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("Seed " + prefix + "_*.txt is missing from " + seeds());
    }

    static FrameworkData builtIn(UUID identifier) {
        return BuiltInFrameworks.RESOURCES.stream().map(BuiltInFrameworks::read)
                .filter(d -> d.identifier().equals(identifier)).findFirst().orElseThrow();
    }

    static String en(Map<String, String> texts) {
        return texts.get("en");
    }

    @Test
    void govStackSkillsAssessmentIsTheFocusGroupScriptVerbatim() throws IOException {
        String seed = seed("001");
        List<String> lines = Arrays.asList(seed.split("\n", -1));
        FrameworkData data = builtIn(Frameworks.GOVSTACK_SKILLS_ASSESSMENT);

        assertThat(en(data.title())).isEqualTo("GovStack skills assessment");
        assertThat(en(data.description())).isEqualTo(lines.get(2));
        assertThat(en(data.guide().introduction())).isEqualTo(lines.get(lines.indexOf("Introduction:") + 1));
        assertThat(en(data.guide().definitions())).startsWith("(Note): For the purposes of this tool, capacity building")
                .isIn(lines);
        int instructions = lines.indexOf("In relation to this focus group discussion:");
        assertThat(en(data.guide().instructions())).isEqualTo(String.join("\n", lines.subList(instructions, instructions + 4)));

        // the table: cells start with a tab; six cells a row (section, High, Moderate, Basic, questions, notes)
        String[] cells = seed.substring(seed.indexOf(" \tSection")).split("\t", -1);
        List<String> header = Arrays.asList(cells).subList(1, 7);
        List<String> rows = Arrays.asList(cells).subList(7, cells.length);
        assertThat(rows).hasSize(8 * 6);
        List<FrameworkData.LevelData> levels = data.scale().levels();
        assertThat(levels).extracting(l -> en(l.title())).containsExactly("Basic", "Moderate", "High");
        assertThat(levels).extracting(l -> en(l.description()))
                .containsExactly(header.get(3).strip(), header.get(2).strip(), header.get(1).strip());

        assertThat(data.nodes()).hasSize(8);
        for (int i = 0; i < 8; i++) {
            List<String> row = rows.subList(i * 6, i * 6 + 6);
            NodeData node = data.nodes().get(i);
            String[] paragraphs = row.get(0).strip().split("\n\\s*\n");
            Matcher numbered = Pattern.compile("(\\d+)\\. (.*)", Pattern.DOTALL).matcher(paragraphs[0]);
            assertThat(numbered.matches()).isTrue();
            assertThat(node.code()).isEqualTo(numbered.group(1));
            assertThat(en(node.title())).isEqualTo(String.join(" ", numbered.group(2).lines().map(String::strip).toList()));
            assertThat(en(node.alternativeLabel())).as("subject of section " + (i + 1)).isEqualTo(paragraphs[1].strip());
            assertThat(statements(node, levels.get(2))).as("High, section " + (i + 1)).isEqualTo(lines(row.get(1)));
            assertThat(statements(node, levels.get(1))).as("Moderate, section " + (i + 1)).isEqualTo(lines(row.get(2)));
            assertThat(statements(node, levels.get(0))).as("Basic, section " + (i + 1)).isEqualTo(lines(row.get(3)));
            assertThat(node.supportingQuestions()).as("the seed's supporting questions are empty").isEqualTo(
                    lines(row.get(4)).stream().map(q -> Map.of("en", q)).toList());
            for (String statement : statements(node, null)) {
                assertThat(seed).contains(statement);
            }
        }

        // the oddities are kept, not fixed
        assertThat(statements(data.nodes().get(3), levels.get(1)))
                .containsExactly("There is a common team approach to change and change management exists within some "
                        + "part of the Ministry or Agency leadership, which may include practices that:");
        assertThat(en(data.nodes().get(4).alternativeLabel())).isEqualTo("(Policy for Digital Governments)");
        assertThat(en(data.nodes().get(5).alternativeLabel())).isEqualTo("(Policy for Digital Governments)");
        assertThat(en(data.nodes().get(7).alternativeLabel())).isEqualTo("Enterprise Architecture)");
    }

    @Test
    void unescoFrameworkIsTheSeedsThreeDomainsAndTheirCompetencies() throws IOException {
        // bullets and the spaces around lines (including no-break spaces) are not part of the text
        List<String> lines = seed("004").lines()
                .map(l -> l.replaceAll("^[\\s\u00A0•]+|[\\s\u00A0]+$", "")).toList();
        FrameworkData data = builtIn(Frameworks.UNESCO_DIGITAL_COMPETENCIES);
        assertThat(en(data.description())).isIn(lines);
        List<NodeData> domains = data.nodes().stream().filter(n -> n.parent() == null).toList();
        assertThat(domains).extracting(d -> en(d.title()))
                .containsExactly("Digital Planning and Design", "Data Use and Governance", "Digital Management and Execution");
        for (NodeData domain : domains) {
            String description = en(domain.description());
            assertThat(description).startsWith(en(domain.title()) + " ").isIn(lines);
            List<String> competencies = data.nodes().stream().filter(n -> domain.identifier().equals(n.parent()))
                    .map(n -> en(n.title())).toList();
            String listed = lines.get(lines.indexOf(description) + 2);
            assertThat(listed).isEqualTo("Competencies: " + String.join(", ", competencies) + ".");
        }
        assertThat(data.nodes()).hasSize(3 + 4 + 6 + 4);
        // the seed gives no scale: the one added is labelled as the platform's
        assertThat(en(data.scale().title())).contains("Capacity Hub").contains("not part of UNESCO");
        assertThat(en(data.scale().description())).contains("platform's addition, not UNESCO's");
    }

    @Test
    void builtInCrosswalksLinkGovStackSectionsToUnescoCompetencies() {
        FrameworkData govstack = builtIn(Frameworks.GOVSTACK_SKILLS_ASSESSMENT);
        FrameworkData unesco = builtIn(Frameworks.UNESCO_DIGITAL_COMPETENCIES);
        List<String> links = new ArrayList<>();
        for (FrameworkData.AssociationData a : govstack.associations()) {
            NodeData from = govstack.nodes().stream().filter(n -> n.identifier().equals(a.origin())).findFirst().orElseThrow();
            NodeData to = unesco.nodes().stream().filter(n -> n.identifier().equals(a.destination())).findFirst().orElseThrow();
            assertThat(a.destinationTitle()).isEqualTo(en(to.title()));
            links.add(en(from.alternativeLabel()) + " -> " + en(to.title()));
        }
        assertThat(links).contains("(Design and Systems thinking) -> systems thinking",
                "(Agile Methodology) -> agile strategy", "(Agile Methodology) -> agile execution",
                "(Change Management) -> digital leadership");
    }

    private static List<String> statements(NodeData node, FrameworkData.LevelData level) {
        return node.descriptors().stream().filter(d -> level == null || d.level().equals(level.identifier()))
                .map(d -> en(d.text())).toList();
    }

    private static List<String> lines(String cell) {
        return cell.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
