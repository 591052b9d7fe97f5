package org.capacityhub.planning.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.capacityhub.planning.domain.ItemKind;
import org.capacityhub.planning.domain.PlanViews;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates, costs and labels as plan pages show them ({@code @planFormat} in templates). */
@Component("planFormat")
public class PlanFormat {

    private final MessageSource messages;

    PlanFormat(MessageSource messages) {
        this.messages = messages;
    }

    private String msg(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()));
    }

    public String time(Instant at) {
        return at == null ? "" : at.atOffset(ZoneOffset.UTC).format(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(LocaleContextHolder.getLocale()))
                + " UTC";
    }

    public String cost(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        if (amount.signum() == 0) {
            return msg("planning.cost.free");
        }
        return amount.toPlainString() + " " + currency;
    }

    public String kind(PlanViews.ItemView i) {
        if (i.kind() == ItemKind.INTERVENTION && i.intervention() != null) {
            return msg("planning.intervention." + i.intervention());
        }
        return msg("planning.kind." + i.kind());
    }

    public String owner(PlanViews.ItemView i) {
        if (i.ownerName() != null && i.owner() != null) {
            return i.ownerName() + " (" + i.owner() + ")";
        }
        return i.ownerName() != null ? i.ownerName() : i.owner() == null ? "" : i.owner();
    }
}
