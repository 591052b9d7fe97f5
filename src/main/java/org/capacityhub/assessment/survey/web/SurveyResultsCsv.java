package org.capacityhub.assessment.survey.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.assessment.survey.SurveyViews;
import org.capacityhub.platform.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A survey's aggregated results as CSV, for the page and the API: the same suppressed figures as the page
 * ({@link SurveyService#results}), never an individual's answers and no comments; 409 while the survey is open.
 */
@Component
class SurveyResultsCsv {

    private final SurveyService service;
    private final MessageSource messages;

    SurveyResultsCsv(SurveyService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    ResponseEntity<String> download(long id) {
        SurveyViews.Results results = service.results(id);
        if (!results.available()) {
            throw new ConflictException(null, "survey.results.whileOpen",
                    "Results are shown once the survey is closed.");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"survey-" + id + "-results.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv(results));
    }

    private String csv(SurveyViews.Results results) {
        String suppressed = messages.getMessage("survey.results.suppressed.csv", null, "suppressed",
                LocaleContextHolder.getLocale());
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>(List.of("section_code", "section", "group", "respondents"));
            results.levels().forEach(l -> header.add(l.title()));
            header.add("median");
            csv.printRecord(header);
            for (SurveyViews.SectionResult s : results.sections()) {
                List<SurveyViews.Figures> rows = new ArrayList<>(s.groups());
                rows.add(s.all());
                for (SurveyViews.Figures f : rows) {
                    List<Object> record = new ArrayList<>();
                    record.add(s.code() == null ? "" : s.code());
                    record.add(s.title());
                    record.add(f.name());
                    if (f.shown()) {
                        record.add(f.respondents());
                        f.counts().forEach(c -> record.add(c == null ? suppressed : c));
                        record.add(f.medianLabel());
                    } else {
                        record.add("NONE".equals(f.status()) ? "0" : suppressed);
                        results.levels().forEach(l -> record.add("NONE".equals(f.status()) ? "" : suppressed));
                        record.add("");
                    }
                    csv.printRecord(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
