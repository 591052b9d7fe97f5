package org.capacityhub.assessment.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.commons.csv.CSVFormat;
import org.capacityhub.platform.SpreadsheetCells;
import org.apache.commons.csv.CSVPrinter;
import org.capacityhub.assessment.AssessmentResult;
import org.capacityhub.assessment.CompetencyLevel;
import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.EvidenceFileService;
import org.capacityhub.assessment.domain.Views;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Exports of one assessment, with the same access as its report (an assessment the user may not see is "not
 * found"): the report as PDF (a print template rendered by openhtmltopdf, the radar chart as an image, DejaVu fonts
 * embedded, nothing fetched from the network) and the raw ratings as CSV and XLSX, one row per section. Text cells
 * that a spreadsheet would take for a formula (starting with = + - @, tab or carriage return) are prefixed with an
 * apostrophe (CSV injection).
 */
@Component
class ReportExports {

    static final List<String> COLUMNS = List.of("section", "code", "competency_identifier", "title", "level",
            "level_rank", "notes", "confidence", "barriers", "evidence");

    private final AssessmentService service;
    private final EvidenceFileService files;
    private final org.capacityhub.assessment.domain.TargetProfileService targets;
    private final ITemplateEngine templates;
    private final DisplayFormat format;

    ReportExports(AssessmentService service, EvidenceFileService files,
            org.capacityhub.assessment.domain.TargetProfileService targets, ITemplateEngine templates,
            DisplayFormat format) {
        this.service = service;
        this.files = files;
        this.targets = targets;
        this.templates = templates;
        this.format = format;
    }

    /** One section's raw rating. */
    record Row(int section, String code, String identifier, String title, String level, Integer levelRank,
            String notes, String confidence, String barriers, String evidence) {

        List<Object> cells() {
            return java.util.Arrays.asList(section, code, identifier, title, level, levelRank, notes, confidence,
                    barriers, evidence);
        }
    }

    Views.Detail detail(long id) {
        return service.detail(id);
    }

    List<Row> rows(Views.Detail detail) {
        Map<Long, String> identifiers = service.result(detail.id()).map(AssessmentResult::levels).orElse(List.of())
                .stream().filter(l -> l.competencyIdentifier() != null)
                .collect(Collectors.toMap(CompetencyLevel::competencyId, l -> l.competencyIdentifier().toString(),
                        (x, y) -> x));
        Map<Long, List<EvidenceFileService.FileView>> uploaded = files.bySection(detail.id());
        List<Row> rows = new ArrayList<>();
        for (Views.SectionView s : detail.sections()) {
            List<String> evidence = new ArrayList<>(s.evidence());
            uploaded.getOrDefault(s.competencyId(), List.of()).forEach(f -> evidence.add(f.name()));
            rows.add(new Row(s.number(), s.code(), identifiers.get(s.competencyId()), s.title(), s.levelTitle(),
                    s.levelRank(), s.notes(), s.confidence() == null ? null : s.confidence().name(),
                    s.barriers().stream().map(b -> b.kind().name() + (b.description() == null
                            || b.description().isBlank() ? "" : ": " + b.description()))
                            .collect(Collectors.joining("; ")),
                    String.join(" | ", evidence)));
        }
        return rows;
    }

    /** A text cell a spreadsheet will not run as a formula ({@link SpreadsheetCells#neutralise}). */
    static String neutralise(String value) {
        return SpreadsheetCells.neutralise(value);
    }

    byte[] csv(long id) {
        Views.Detail detail = detail(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Row row : rows(detail)) {
                printer.printRecord(row.cells().stream()
                        .map(c -> c instanceof String text ? neutralise(text) : c).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] xlsx(long id) {
        Views.Detail detail = detail(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Capacity Hub", "1.0");
            Worksheet sheet = workbook.newWorksheet("Ratings");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (Row row : rows(detail)) {
                List<Object> cells = row.cells();
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value != null) {
                        sheet.value(r, c, neutralise(value.toString()));
                    }
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] pdf(long id) {
        Views.Detail detail = detail(id);
        Long profile = targets.defaultProfile(id).orElse(null);
        var gapTable = profile == null ? null : targets.gapTable(id, profile);
        RadarChart chart = RadarChart.of(detail, gapTable);
        Context context = new Context(LocaleContextHolder.getLocale());
        context.setVariable("assessment", detail);
        context.setVariable("rows", rows(detail));
        context.setVariable("files", files.bySection(id));
        context.setVariable("chart", chart);
        context.setVariable("chartImage", "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(radarPng(chart)));
        context.setVariable("gapTable", gapTable);
        context.setVariable("fmt", format);
        String html = templates.process("assessment/report-print", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String name) {
        return ReportExports.class.getResourceAsStream("/fonts/" + name);
    }

    // ---------------------------------------------------------------- the radar chart as an image

    private static final int SCALE = 2;

    /** The report's radar chart drawn with Java 2D (same geometry as the page's SVG), as PNG. */
    static byte[] radarPng(RadarChart chart) {
        BufferedImage image = new BufferedImage(chart.size() * SCALE, chart.size() * SCALE,
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, chart.size(), chart.size());
            Font font = chartFont();
            g.setFont(font);
            g.setStroke(new BasicStroke(1f));
            for (RadarChart.Ring ring : chart.rings()) {
                g.setColor(new Color(0xADB5BD));
                g.draw(polygon(ring.points()));
            }
            for (RadarChart.Axis axis : chart.axes()) {
                g.setColor(new Color(0xADB5BD));
                g.drawLine((int) chart.centre(), (int) chart.centre(), (int) axis.x2(), (int) axis.y2());
            }
            g.setColor(new Color(0x495057));
            for (RadarChart.Ring ring : chart.rings()) {
                g.drawString(ring.label(), (float) chart.centre() + 4, (float) ring.labelY());
            }
            for (RadarChart.Axis axis : chart.axes()) {
                int width = g.getFontMetrics().stringWidth(axis.label());
                float x = (float) axis.labelX() - ("end".equals(axis.anchor()) ? width
                        : "middle".equals(axis.anchor()) ? width / 2f : 0);
                g.drawString(axis.label(), x, (float) axis.labelY());
            }
            Path2D shape = polygon(chart.shape());
            g.setColor(new Color(13, 110, 253, 60));
            g.fill(shape);
            g.setColor(new Color(0x0D6EFD));
            g.setStroke(new BasicStroke(2.5f));
            g.draw(shape);
            if (chart.target() != null) {
                g.setColor(new Color(0xD63384));
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
                g.draw(polygon(chart.target()));
            }
            g.setColor(new Color(0x0D6EFD));
            for (RadarChart.Point p : chart.points()) {
                g.fillOval((int) Math.round(p.x() - 5), (int) Math.round(p.y() - 5), 10, 10);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Font chartFont() {
        try (InputStream in = font("DejaVuSans.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(13f);
        } catch (IOException | FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        }
    }

    private static Path2D polygon(String points) {
        Path2D path = new Path2D.Double();
        boolean first = true;
        for (String point : points.trim().split("\\s+")) {
            if (point.isEmpty()) {
                continue;
            }
            String[] xy = point.split(",");
            double x = Double.parseDouble(xy[0]);
            double y = Double.parseDouble(xy[1]);
            if (first) {
                path.moveTo(x, y);
                first = false;
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }
}
