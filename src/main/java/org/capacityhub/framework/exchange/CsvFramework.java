package org.capacityhub.framework.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.capacityhub.framework.domain.Texts;
import org.capacityhub.framework.exchange.FrameworkData.DescriptorData;
import org.capacityhub.framework.exchange.FrameworkData.LevelData;
import org.capacityhub.framework.exchange.FrameworkData.NodeData;

/**
 * The CSV layout of docs/frameworks-csv.md: optional {@code #key=value} lines with the framework's details, then
 * a header row and one row per node; {@code parent_code} builds the tree, {@code level:<name>} columns (in scale
 * order, lowest first) hold the descriptors, one statement per line; {@code <column>@<language>} columns hold
 * translations.
 */
public final class CsvFramework {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final String LEVEL = "level:";

    private CsvFramework() {}

    public static byte[] write(FrameworkData data) {
        List<String> languages = CaseWriter.allLanguages(data);
        String lang = data.language();
        StringWriter out = new StringWriter();
        meta(out, "identifier", data.identifier().toString());
        meta(out, "language", lang);
        for (String l : languages) {
            meta(out, l.equals(lang) ? "title" : "title@" + l, data.title().get(l));
        }
        meta(out, "version", data.versionLabel());
        meta(out, "publisher", data.publisher());
        meta(out, "licence", data.licence());
        List<LevelData> levels = data.scale() == null ? List.of() : data.scale().levels();
        if (data.scale() != null) {
            meta(out, "scale", data.scale().identifier().toString());
            for (String l : languages) {
                meta(out, l.equals(lang) ? "scale_title" : "scale_title@" + l, data.scale().title().get(l));
            }
            for (LevelData level : levels) {
                meta(out, "level_identifier:" + levelName(level, lang), level.identifier().toString());
                for (String l : languages) {
                    if (!l.equals(lang)) {
                        meta(out, "level_title@" + l + ":" + levelName(level, lang), level.title().get(l));
                    }
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("identifier", "code", "parent_code", "item_type", "keywords"));
        List<String> translatable = List.of("title", "alternative_label", "description", "supporting_questions");
        for (String column : translatable) {
            for (String l : languages) {
                header.add(l.equals(lang) ? column : column + "@" + l);
            }
        }
        for (LevelData level : levels) {
            for (String l : languages) {
                header.add(LEVEL + levelName(level, lang) + (l.equals(lang) ? "" : "@" + l));
            }
        }
        Map<UUID, String> codes = new HashMap<>();
        data.nodes().forEach(n -> codes.put(n.identifier(), code(n)));
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (NodeData n : data.nodes()) {
                List<String> row = new ArrayList<>();
                row.add(n.identifier().toString());
                row.add(code(n));
                row.add(n.parent() == null ? "" : codes.get(n.parent()));
                row.add(nz(n.itemType()));
                row.add(String.join("|", n.keywords()));
                for (String column : translatable) {
                    for (String l : languages) {
                        row.add(switch (column) {
                            case "title" -> nz(n.title().get(l));
                            case "alternative_label" -> nz(n.alternativeLabel().get(l));
                            case "description" -> nz(n.description().get(l));
                            default -> String.join("\n", n.supportingQuestions().stream()
                                    .map(q -> nz(q.get(l))).toList()).strip();
                        });
                    }
                }
                for (LevelData level : levels) {
                    for (String l : languages) {
                        row.add(String.join("\n", n.descriptors().stream()
                                .filter(d -> d.level().equals(level.identifier()))
                                .map(d -> nz(d.text().get(l))).toList()).strip());
                    }
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String levelName(LevelData level, String lang) {
        return Texts.of(level.title()).in(lang, lang);
    }

    /** A node's code in the CSV: its own, else its identifier (codes must be unique in a CSV file). */
    private static String code(NodeData n) {
        return n.code() != null ? n.code() : n.identifier().toString();
    }

    private static void meta(StringWriter out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.write("#" + key + "=" + value.replace("\r", " ").replace("\n", " ") + "\r\n");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Reads a CSV file.
     *
     * @param defaultTitle title when the file has no {@code #title=} line (e.g. the file name)
     */
    public static FrameworkData read(byte[] content, String defaultTitle) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportProblem("CSV", "the file is not UTF-8 text.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        int lineNumber = 0;
        int start = 0;
        while (start < text.length() && text.charAt(start) == '#') {
            int end = text.indexOf('\n', start);
            String line = (end < 0 ? text.substring(start) : text.substring(start, end)).replace("\r", "");
            lineNumber++;
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ImportProblem("CSV line " + lineNumber, "a #details line must read #key=value.");
            }
            meta.put(line.substring(1, eq).strip(), line.substring(eq + 1));
            start = end < 0 ? text.length() : end + 1;
        }
        String language = Texts.normaliseLanguage(meta.getOrDefault("language", "en"));
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.substring(start)))
                .setFormat(FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ImportProblem("CSV", "the file cannot be read as CSV (" + e.getMessage() + ").");
        }
        int headerLine = lineNumber + 1;
        if (!header.contains("code") || !header.contains("title")) {
            throw new ImportProblem("CSV line " + headerLine, "the header row needs at least the columns code and title.");
        }
        // levels from the level: columns, in order
        Map<String, LevelData> levels = new LinkedHashMap<>();
        UUID scaleId = uuidOr(meta.get("scale"), "#scale");
        for (String column : header) {
            if (column.startsWith(LEVEL) && !column.contains("@")) {
                String name = column.substring(LEVEL.length()).strip();
                if (name.isEmpty()) {
                    throw new ImportProblem("CSV line " + headerLine, "a level column needs a name, e.g. level:Basic.");
                }
                Map<String, String> title = new TreeMap<>();
                title.put(language, name);
                meta.forEach((k, v) -> {
                    if (k.startsWith("level_title@") && k.endsWith(":" + name)) {
                        title.put(Texts.normaliseLanguage(k.substring("level_title@".length(), k.indexOf(':'))), v);
                    }
                });
                String idText = meta.get("level_identifier:" + name);
                UUID id = idText != null ? uuidOr(idText, "#level_identifier:" + name)
                        : UUID.nameUUIDFromBytes((scaleId + "/" + name).getBytes(StandardCharsets.UTF_8));
                levels.put(name, new LevelData(id, null, title, Map.of()));
            }
        }
        Map<String, UUID> byCode = new HashMap<>();
        Map<String, Long> rowOf = new HashMap<>();
        for (CSVRecord r : records) {
            String place = "CSV line " + (headerLine + r.getRecordNumber());
            if (!r.isConsistent()) {
                throw new ImportProblem(place, "the row has " + r.size() + " cells, the header " + header.size() + ".");
            }
            String code = r.get("code").strip();
            if (code.isEmpty()) {
                throw new ImportProblem(place, "the code is empty; every row needs a unique code.");
            }
            if (byCode.containsKey(code)) {
                throw new ImportProblem(place, "the code " + code + " is used twice.");
            }
            String idText = header.contains("identifier") ? r.get("identifier").strip() : "";
            byCode.put(code, idText.isEmpty() ? UUID.randomUUID() : uuidOr(idText, place + ", identifier"));
            rowOf.put(code, r.getRecordNumber());
        }
        List<NodeData> nodes = new ArrayList<>();
        for (CSVRecord r : records) {
            String place = "CSV line " + (headerLine + r.getRecordNumber());
            String code = r.get("code").strip();
            String parentCode = header.contains("parent_code") ? r.get("parent_code").strip() : "";
            if (!parentCode.isEmpty() && !byCode.containsKey(parentCode)) {
                throw new ImportProblem(place, "parent_code refers to unknown code " + parentCode + ".");
            }
            Map<String, String> title = texts(r, header, "title", language);
            if (title.get(language) == null) {
                throw new ImportProblem(place, "the title is empty.");
            }
            List<DescriptorData> descriptors = new ArrayList<>();
            for (Map.Entry<String, LevelData> level : levels.entrySet()) {
                Map<String, List<String>> perLanguage = new TreeMap<>();
                for (String column : header) {
                    if (column.equals(LEVEL + level.getKey()) || column.startsWith(LEVEL + level.getKey() + "@")) {
                        String l = column.contains("@") ? Texts.normaliseLanguage(column.substring(column.indexOf('@') + 1)) : language;
                        perLanguage.put(l, CaseReader.split(r.get(column).replace("\r", "")));
                    }
                }
                List<String> main = perLanguage.getOrDefault(language, List.of());
                for (int i = 0; i < main.size(); i++) {
                    Map<String, String> statement = new TreeMap<>();
                    for (Map.Entry<String, List<String>> e : perLanguage.entrySet()) {
                        if (i < e.getValue().size()) {
                            statement.put(e.getKey(), e.getValue().get(i));
                        }
                    }
                    descriptors.add(new DescriptorData(level.getValue().identifier(), statement));
                }
            }
            List<Map<String, String>> questions = new ArrayList<>();
            Map<String, String> q = texts(r, header, "supporting_questions", language);
            List<String> main = q.get(language) == null ? List.of() : CaseReader.split(q.get(language));
            for (int i = 0; i < main.size(); i++) {
                Map<String, String> question = new TreeMap<>();
                for (Map.Entry<String, String> e : q.entrySet()) {
                    List<String> lines = CaseReader.split(e.getValue());
                    if (i < lines.size()) {
                        question.put(e.getKey(), lines.get(i));
                    }
                }
                questions.add(question);
            }
            String keywords = header.contains("keywords") ? r.get("keywords").strip() : "";
            nodes.add(new NodeData(byCode.get(code), parentCode.isEmpty() ? null : byCode.get(parentCode),
                    code.equals(byCode.get(code).toString()) ? null : code, title,
                    texts(r, header, "alternative_label", language), texts(r, header, "description", language),
                    keywords.isEmpty() ? List.of() : List.of(keywords.split("\\|")),
                    header.contains("item_type") && !r.get("item_type").isBlank() ? r.get("item_type").strip() : null,
                    null, null, null, descriptors, questions));
        }
        if (nodes.isEmpty()) {
            throw new ImportProblem("CSV", "the file has no rows after the header.");
        }
        try {
            nodes = Assembler.parentsFirst(nodes);
        } catch (ImportProblem cycle) {
            throw new ImportProblem("CSV", "parent_code links form a cycle (" + cycle.getMessage() + ").");
        }
        Map<String, String> frameworkTitle = new TreeMap<>();
        frameworkTitle.put(language, meta.getOrDefault("title", defaultTitle));
        Map<String, String> scaleTitle = new TreeMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith("title@")) {
                frameworkTitle.put(Texts.normaliseLanguage(k.substring(6)), v);
            } else if (k.equals("scale_title")) {
                scaleTitle.put(language, v);
            } else if (k.startsWith("scale_title@")) {
                scaleTitle.put(Texts.normaliseLanguage(k.substring(12)), v);
            }
        });
        UUID identifier = meta.containsKey("identifier") ? uuidOr(meta.get("identifier"), "#identifier") : UUID.randomUUID();
        return new FrameworkData(identifier, language, meta.get("version"), frameworkTitle, meta.get("publisher"),
                null, meta.get("licence"), Map.of(), null, null,
                levels.isEmpty() ? null : new FrameworkData.Scale(scaleId, scaleTitle, Map.of(), List.copyOf(levels.values())),
                nodes, List.of());
    }

    private static Map<String, String> texts(CSVRecord r, List<String> header, String column, String language) {
        Map<String, String> result = new TreeMap<>();
        for (String h : header) {
            if (h.equals(column)) {
                put(result, language, r.get(h));
            } else if (h.startsWith(column + "@")) {
                put(result, Texts.normaliseLanguage(h.substring(column.length() + 1)), r.get(h));
            }
        }
        return result;
    }

    private static void put(Map<String, String> map, String language, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(language, value.replace("\r\n", "\n"));
        }
    }

    private static UUID uuidOr(String text, String place) {
        if (text == null || text.isBlank()) {
            return UUID.randomUUID();
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ImportProblem(place, "\"" + text + "\" is not a UUID.");
        }
    }
}
