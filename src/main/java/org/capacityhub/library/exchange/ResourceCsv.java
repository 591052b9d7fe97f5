package org.capacityhub.library.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.capacityhub.directory.Directory;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceInput;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.library.exchange.ResourceImport.RowError;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.SpreadsheetCells;
import org.springframework.stereotype.Component;

/**
 * The library's CSV format (see docs/library.md, "CSV import and export"): one row per resource, one column per
 * field, multiple values separated by {@code |}, competencies as {@code <framework identifier>:<competency code>}.
 * Export writes RFC 4180 with a UTF-8 byte-order mark (so that spreadsheets read the accents) and every text cell
 * neutralised against formulas; import reads UTF-8 with or without the mark, {@code ,} or {@code ;} as delimiter,
 * and takes the neutralising apostrophe away again, so an exported file imports as it was.
 */
@Component
public class ResourceCsv {

    /** The columns, in export order. Those marked export-only are ignored on import. */
    public static final List<String> COLUMNS = List.of("id", "kind", "status", "title", "summary", "cover_text",
            "use_context", "use_challenge", "use_approach", "use_results", "use_lessons", "use_contacts",
            "competencies", "level", "language", "other_languages", "country", "region", "format", "duration_hours",
            "cost_amount", "cost_currency", "sdgs", "licence", "visibility", "author", "organisation", "link",
            "translation_of", "file_name", "published_at");

    /** Written on export for information, ignored on import (an import makes new drafts of the importer). */
    public static final Set<String> EXPORT_ONLY = Set.of("id", "status", "author", "organisation", "file_name",
            "published_at");

    /** A row's resource input, or its errors. */
    public record Converted(int row, ResourceInput input, List<RowError> errors, Map<String, String> cells) {}

    /** A parsed file: its rows, in order. */
    public record Table(List<String> header, List<CSVRecord> records) {}

    private static final String SEPARATOR = "|";

    private final Frameworks frameworks;
    private final Directory directory;

    ResourceCsv(Frameworks frameworks, Directory directory) {
        this.frameworks = frameworks;
        this.directory = directory;
    }

    // --- export ----------------------------------------------------------------------------------------------------

    public void write(List<Resource> resources, Writer out) {
        Map<Long, String> competencyCodes = new HashMap<>();
        Map<Long, String> people = new HashMap<>();
        Map<Long, String> organisations = new HashMap<>();
        directory.people(resources.stream().map(Resource::getAuthorPersonId).distinct().toList())
                .forEach(p -> people.put(p.id(), p.fullName()));
        directory.organisations(resources.stream().map(Resource::getOrganisationId).filter(o -> o != null)
                .distinct().toList()).forEach(o -> organisations.put(o.id(), o.name()));
        try {
            out.write('\ufeff');
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader(COLUMNS.toArray(String[]::new)).get());
            for (Resource r : resources) {
                String competencies = r.getCompetencyIds().stream()
                        .map(id -> competencyCodes.computeIfAbsent(id, this::reference))
                        .filter(c -> c != null).collect(Collectors.joining(SEPARATOR));
                Set<String> others = new LinkedHashSet<>(r.getLanguages());
                others.remove(r.getLanguage());
                List<Object> cells = Arrays.asList(r.getId(), r.getKind().name(), r.getStatus().name(),
                        text(r.getTitle()), text(r.getSummary()), text(r.getCoverText()), text(r.getUseContext()),
                        text(r.getUseChallenge()), text(r.getUseApproach()), text(r.getUseResults()),
                        text(r.getUseLessons()), text(r.getUseContacts()), text(competencies), r.getLevelRank(),
                        r.getLanguage(), String.join(SEPARATOR, others), r.getCountryCode(), text(r.getRegion()),
                        r.getDelivery().name(), r.getDurationHours(),
                        r.isFree() ? "0" : r.getCostAmount().toPlainString(), r.isFree() ? null : r.getCostCurrency(),
                        r.getSdgs().stream().sorted().map(String::valueOf).collect(Collectors.joining(SEPARATOR)),
                        text(r.getLicence()), r.getVisibility().name(), text(people.get(r.getAuthorPersonId())),
                        text(r.getOrganisationId() == null ? null : organisations.get(r.getOrganisationId())),
                        text(r.getLinkUrl()), r.getTranslationOf() == null ? null : r.getTranslationOf().getId(),
                        text(r.getFileName()), r.getPublishedAt() == null ? null
                                : DateTimeFormatter.ISO_INSTANT.format(r.getPublishedAt()));
                printer.printRecord(cells);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return SpreadsheetCells.neutralise(value);
    }

    /** {@code <framework identifier>:<code>} (the competency's CASE identifier stands for a missing code). */
    private String reference(long competencyId) {
        return frameworks.competency(competencyId).map(c -> c.frameworkIdentifier() + ":"
                + (c.code() == null || c.code().isBlank() ? c.identifier().toString() : c.code())).orElse(null);
    }

    // --- import ----------------------------------------------------------------------------------------------------

    /**
     * Reads a file: UTF-8 (with or without a byte-order mark; anything else is refused), {@code ;} or {@code ,}
     * (whichever the header line holds more of), a header row naming known columns, {@code title} among them.
     */
    public Table read(byte[] bytes, int maxRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "library.import.encoding",
                    "The file is not UTF-8 text: save it as CSV UTF-8");
        }
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidInputException("file", "library.import.empty", "The file is empty");
        }
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).setTrim(false).setAllowMissingColumnNames(true).get())
                .get()) {
            header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() >= maxRows) {
                    throw new InvalidInputException("file", "library.import.tooManyRows",
                            "At most " + maxRows + " rows per file", maxRows);
                }
                records.add(record);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "library.import.unreadable",
                    "The file is not a CSV file that can be read: " + e.getMessage(), String.valueOf(e.getMessage()));
        }
        for (String column : header) {
            if (!column.isEmpty() && !COLUMNS.contains(column)) {
                throw new InvalidInputException("file", "library.import.unknownColumn", "Unknown column " + column,
                        column);
            }
        }
        if (!header.contains("title")) {
            throw new InvalidInputException("file", "library.import.noTitleColumn",
                    "The first row must name the columns, title among them");
        }
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "library.import.empty", "The file has no rows");
        }
        return new Table(header, records);
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(x -> x == c).count();
    }

    /** Resolves competency references of the published frameworks; made once per file. */
    public Competencies competencies() {
        Map<String, Competency> byReference = new HashMap<>();
        for (Frameworks.FrameworkVersionRef version : frameworks.publishedFrameworks()) {
            for (Competency c : frameworks.tree(version.versionId())) {
                String framework = c.frameworkIdentifier().toString().toLowerCase(Locale.ROOT);
                byReference.put(framework + ":" + c.identifier().toString().toLowerCase(Locale.ROOT), c);
                if (c.code() != null && !c.code().isBlank()) {
                    byReference.putIfAbsent(framework + ":" + c.code().strip().toLowerCase(Locale.ROOT), c);
                }
            }
        }
        return new Competencies(byReference);
    }

    /** Competency references ({@code <framework identifier>:<code or identifier>}) of the latest published versions. */
    public record Competencies(Map<String, Competency> byReference) {
        Competency find(String reference) {
            return byReference.get(reference.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** One row as a resource input, with every problem found in its cells (the domain's own rules come after). */
    public Converted convert(Table table, CSVRecord record, Competencies competencies) {
        int row = (int) record.getRecordNumber() + 1;
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < table.header().size() && i < record.size(); i++) {
            String column = table.header().get(i);
            if (!column.isEmpty() && !EXPORT_ONLY.contains(column)) {
                String value = record.get(i);
                cells.put(column, value == null || value.isBlank() ? null : SpreadsheetCells.restore(value.strip()));
            }
        }
        List<RowError> errors = new ArrayList<>();
        ResourceKind kind = enumValue(ResourceKind.class, cells.get("kind"), "kind", row, errors);
        Delivery delivery = enumValue(Delivery.class, cells.get("format"), "format", row, errors);
        Visibility visibility = enumValue(Visibility.class, cells.get("visibility"), "visibility", row, errors);
        if (kind == null && cells.get("kind") == null) {
            errors.add(new RowError(row, "kind", "library.kind.required", null, "Choose the kind of resource"));
        }
        Set<Long> competencyIds = new LinkedHashSet<>();
        for (String reference : split(cells.get("competencies"))) {
            Competency c = competencies.find(reference);
            if (c == null) {
                errors.add(new RowError(row, "competencies", "library.import.competency.unknown", reference,
                        "Unknown competency " + reference));
            } else {
                competencyIds.add(c.id());
            }
        }
        Integer level = integer(cells.get("level"), "level", row, errors);
        Integer duration = integer(cells.get("duration_hours"), "duration_hours", row, errors);
        Long translationOf = null;
        if (cells.get("translation_of") != null) {
            try {
                translationOf = Long.valueOf(cells.get("translation_of"));
            } catch (NumberFormatException e) {
                errors.add(new RowError(row, "translation_of", "library.import.number.invalid",
                        cells.get("translation_of"), "Not a whole number"));
            }
        }
        BigDecimal cost = null;
        if (cells.get("cost_amount") != null) {
            try {
                cost = new BigDecimal(cells.get("cost_amount").replace(',', '.'));
            } catch (NumberFormatException e) {
                errors.add(new RowError(row, "cost_amount", "library.cost.invalid", null,
                        "The cost is zero or a positive amount"));
            }
        }
        Set<Integer> sdgs = new LinkedHashSet<>();
        for (String sdg : split(cells.get("sdgs"))) {
            Integer n = integer(sdg, "sdgs", row, errors);
            if (n != null) {
                sdgs.add(n);
            }
        }
        ResourceInput input = new ResourceInput(kind, cells.get("title"), cells.get("summary"),
                cells.get("cover_text"), cells.get("language"), new LinkedHashSet<>(split(cells.get("other_languages"))),
                cells.get("country"), cells.get("region"), delivery, duration, cost, cells.get("cost_currency"),
                cells.get("licence"), cells.get("link"), visibility, level, sdgs, competencyIds, translationOf, null,
                cells.get("use_context"), cells.get("use_challenge"), cells.get("use_approach"),
                cells.get("use_results"), cells.get("use_lessons"), cells.get("use_contacts"));
        return new Converted(row, input, errors, cells);
    }

    /** The CSV column of a field the domain names in its refusals. */
    public static String column(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "coverText" -> "cover_text";
            case "useContext" -> "use_context";
            case "useChallenge" -> "use_challenge";
            case "useApproach" -> "use_approach";
            case "useResults" -> "use_results";
            case "useLessons" -> "use_lessons";
            case "useContacts" -> "use_contacts";
            case "competencyIds" -> "competencies";
            case "levelRank" -> "level";
            case "otherLanguages" -> "other_languages";
            case "countryCode" -> "country";
            case "delivery" -> "format";
            case "durationHours" -> "duration_hours";
            case "costAmount" -> "cost_amount";
            case "costCurrency" -> "cost_currency";
            case "linkUrl" -> "link";
            case "translationOfId" -> "translation_of";
            default -> field;
        };
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Integer integer(String value, String column, int row, List<RowError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new RowError(row, column, "library.import.number.invalid", value, "Not a whole number"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String column, int row,
            List<RowError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, column, "library.import.value.invalid", value,
                    "Not one of the allowed values: " + value));
            return null;
        }
    }
}
