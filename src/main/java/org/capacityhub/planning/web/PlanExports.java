package org.capacityhub.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.capacityhub.planning.domain.PlanViews;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** A plan as CSV (one row per activity) and PDF (the plan page for print), and the unmet demand as CSV. */
@Component
class PlanExports {

    private final MessageSource messages;
    private final TemplateEngine templates;
    private final PlanFormat format;

    PlanExports(MessageSource messages, TemplateEngine templates, PlanFormat format) {
        this.messages = messages;
        this.templates = templates;
        this.format = format;
    }

    private String msg(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    String csv(PlanViews.PlanView plan) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(msg("planning.csv.gap"), msg("planning.gap.current"), msg("planning.gap.target"),
                    msg("planning.gap.objective"), msg("planning.item.kind"), msg("planning.item.title"),
                    msg("planning.item.url"), msg("planning.item.owner"), msg("planning.item.startsOn"),
                    msg("planning.item.dueOn"), msg("planning.item.hours"), msg("planning.item.cost"),
                    msg("planning.item.currency"), msg("planning.item.status"), msg("planning.item.progress"),
                    msg("planning.item.overdue"));
            for (PlanViews.GapView g : plan.gaps()) {
                if (g.items().isEmpty()) {
                    csv.printRecord(g.title(), g.currentTitle(), g.targetTitle(), g.objective(),
                            msg("planning.gap.uncovered"), "", "", "", "", "", "", "", "", "", "", "");
                }
                for (PlanViews.ItemView i : g.items()) {
                    item(csv, g, i);
                }
            }
            for (PlanViews.ItemView i : plan.otherItems()) {
                item(csv, null, i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void item(CSVPrinter csv, PlanViews.GapView g, PlanViews.ItemView i) throws IOException {
        csv.printRecord(g == null ? "" : g.title(), g == null ? "" : g.currentTitle(), g == null ? "" : g.targetTitle(),
                g == null ? "" : g.objective(), format.kind(i), i.title(), i.url(), format.owner(i), i.startsOn(),
                i.dueOn(), i.hours(), i.costAmount() == null ? "" : i.costAmount().toPlainString(),
                i.costCurrency(), msg("planning.item.status." + i.status()), i.progress(),
                i.overdue() ? msg("planning.yes") : "");
    }

    String demandCsv(List<PlanViews.DemandRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(msg("planning.demand.competency"), msg("planning.demand.framework"),
                    msg("planning.demand.languages"), msg("planning.demand.level"),
                    msg("planning.demand.organisations"), msg("planning.demand.people"), msg("planning.demand.plans"));
            for (PlanViews.DemandRow r : rows) {
                csv.printRecord(r.competency(), r.framework(), r.languages(), r.level(), r.organisations(),
                        r.people(), r.plans());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    byte[] pdf(PlanViews.PlanView plan) {
        Locale locale = LocaleContextHolder.getLocale();
        Context context = new Context(locale);
        context.setVariable("plan", plan);
        context.setVariable("fmt", format);
        String html = templates.process("planning/pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
