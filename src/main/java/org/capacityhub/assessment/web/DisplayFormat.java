package org.capacityhub.assessment.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times for the assessment pages, in the user's language ({@code ${@assessmentFormat.instant(x)}}). */
@Component("assessmentFormat")
public class DisplayFormat {

    public String instant(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    public String date(java.time.LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LocaleContextHolder.getLocale())
                .format(date);
    }
}
