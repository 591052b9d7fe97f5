package org.capacityhub.matching.domain;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.matching.ranking.Candidate;
import org.capacityhub.matching.ranking.Factor;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Proximity;
import org.capacityhub.matching.ranking.Regions;
import org.capacityhub.matching.ranking.Scored;
import org.capacityhub.matching.ranking.Scorer;
import org.capacityhub.platform.Countries;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** "Why this match", in words, in the user's language: one phrase per factor that says something. */
@Component
public class Reasons {

    private final MessageSource messages;
    private final Frameworks frameworks;

    Reasons(MessageSource messages, Frameworks frameworks) {
        this.messages = messages;
        this.frameworks = frameworks;
    }

    public List<String> explain(Need need, Scored s, Locale locale) {
        Candidate c = s.candidate();
        List<String> out = new ArrayList<>();
        String offered = frameworks.competency(c.competencyId()).map(Frameworks.Competency::title).orElse("?");
        String asked = frameworks.competency(s.target().requestedId()).map(Frameworks.Competency::title).orElse("?");
        Proximity p = s.target().proximity();
        out.add(p == Proximity.SAME ? msg(locale, "matching.why.taxonomy.SAME", offered)
                : msg(locale, "matching.why.taxonomy." + p.name(), offered, asked));
        if (!c.roles().isEmpty()) {
            out.add(msg(locale, "matching.why.roles", c.roles().stream()
                    .map(r -> msg(locale, "matching.role." + r.name())).collect(Collectors.joining(", "))));
        }
        double level = s.factor(Factor.LEVEL);
        out.add(msg(locale, c.knowsRank() == null ? "matching.why.level.unknown"
                : level >= 1 ? "matching.why.level.above" : level >= 0.85 ? "matching.why.level.at"
                        : "matching.why.level.below"));
        List<String> shared = need.languages().stream().filter(c.languages()::contains)
                .map(l -> Locale.forLanguageTag(l).getDisplayLanguage(locale)).toList();
        out.add(shared.isEmpty() ? msg(locale, "matching.why.language.none")
                : msg(locale, "matching.why.language", String.join(", ", shared)));
        double region = s.factor(Factor.REGION);
        if (region >= 1) {
            out.add(msg(locale, "matching.why.region.country", Countries.name(c.countryCode(), locale)));
        } else if (region >= 0.7) {
            out.add(msg(locale, "matching.why.region.region",
                    msg(locale, "matching.region." + Regions.regionOf(c.countryCode()))));
        } else if (region > 0) {
            out.add(msg(locale, "matching.why.region.continent",
                    msg(locale, "matching.region." + Regions.continentOf(c.countryCode()))));
        }
        if (need.utcOffsetMinutes() != null && c.utcOffsetMinutes() != null) {
            out.add(msg(locale, "matching.why.timeZone",
                    one(locale, Scorer.overlapHours(need.utcOffsetMinutes(), c.utcOffsetMinutes()))));
        }
        if (need.format() != null) {
            out.add(s.factor(Factor.FORMAT) >= 1
                    ? msg(locale, "matching.why.format", msg(locale, "matching.format." + need.format().name()))
                    : msg(locale, "matching.why.format.other", c.formats().stream()
                            .map(f -> msg(locale, "matching.format." + f.name())).collect(Collectors.joining(", "))));
        }
        Integer remaining = c.remainingHours();
        if (remaining != null) {
            out.add(remaining <= 0 ? msg(locale, "matching.why.availability.full")
                    : msg(locale, "matching.why.availability", remaining));
        }
        Double rating = c.averageRating();
        out.add(rating == null ? msg(locale, "matching.why.feedback.none")
                : msg(locale, "matching.why.feedback", one(locale, rating), c.ratingCount()));
        return out;
    }

    /** "Why this match" for a library resource: competency, level, languages, region, format. */
    public List<String> explainResource(Need need, org.capacityhub.matching.ranking.ResourceScorer.ScoredContent s,
            Locale locale) {
        var c = s.content();
        List<String> out = new ArrayList<>();
        String tagged = frameworks.competency(c.competencyId()).map(Frameworks.Competency::title).orElse("?");
        String asked = frameworks.competency(s.target().requestedId()).map(Frameworks.Competency::title).orElse("?");
        Proximity p = s.target().proximity();
        out.add(p == Proximity.SAME ? msg(locale, "matching.resource.why.taxonomy.SAME", tagged)
                : msg(locale, "matching.resource.why.taxonomy." + p.name(), tagged, asked));
        double level = s.factor(Factor.LEVEL);
        double fraction = c.levelFraction();
        out.add(msg(locale, fraction < 0 ? "matching.resource.why.level.all"
                : level >= 1 - 1e-9 ? "matching.resource.why.level.at"
                        : fraction > s.target().targetFraction() ? "matching.resource.why.level.above"
                                : "matching.resource.why.level.below"));
        List<String> shared = need.languages().stream().filter(c.languages()::contains)
                .map(l -> Locale.forLanguageTag(l).getDisplayLanguage(locale)).toList();
        out.add(shared.isEmpty() ? msg(locale, "matching.resource.why.language.none")
                : msg(locale, "matching.resource.why.language", String.join(", ", shared)));
        double region = s.factor(Factor.REGION);
        if (c.countryCode() == null) {
            out.add(msg(locale, "matching.resource.why.region.none"));
        } else if (region >= 1) {
            out.add(msg(locale, "matching.resource.why.region.country", Countries.name(c.countryCode(), locale)));
        } else if (region >= 0.7) {
            out.add(msg(locale, "matching.resource.why.region.region",
                    msg(locale, "matching.region." + Regions.regionOf(c.countryCode()))));
        } else if (region > 0) {
            out.add(msg(locale, "matching.resource.why.region.continent",
                    msg(locale, "matching.region." + Regions.continentOf(c.countryCode()))));
        } else {
            out.add(msg(locale, "matching.resource.why.region.elsewhere", Countries.name(c.countryCode(), locale)));
        }
        if (need.format() != null) {
            String delivered = msg(locale, "matching.format." + c.format().name());
            out.add(s.factor(Factor.FORMAT) >= 1 ? msg(locale, "matching.resource.why.format", delivered)
                    : msg(locale, "matching.resource.why.format.other", delivered));
        }
        return out;
    }

    private static String one(Locale locale, double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(locale)).format(value);
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

}
