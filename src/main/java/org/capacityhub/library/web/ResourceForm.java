package org.capacityhub.library.web;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceInput;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.platform.InvalidInputException;

/** The resource form; numbers are typed as text and checked here, so that a wrong one is a form error. */
public class ResourceForm {

    private String kind = ResourceKind.GUIDELINE.name();
    private String title;
    private String summary;
    private String coverText;
    private String language = "en";
    private String otherLanguages;
    private String countryCode;
    private String region;
    private String delivery = Delivery.ONLINE.name();
    private String durationHours;
    private String costAmount;
    private String costCurrency;
    private String licence;
    private String linkUrl;
    private String visibility = Visibility.PUBLIC.name();
    private String levelRank;
    private Set<Integer> sdgs = new LinkedHashSet<>();
    private Set<Long> competencyIds = new LinkedHashSet<>();
    private Long translationOfId;
    private Long seriesId;
    private String useContext;
    private String useChallenge;
    private String useApproach;
    private String useResults;
    private String useLessons;
    private String useContacts;

    static ResourceForm of(Resource r) {
        ResourceForm f = new ResourceForm();
        f.kind = r.getKind().name();
        f.title = r.getTitle();
        f.summary = r.getSummary();
        f.coverText = r.getCoverText();
        f.language = r.getLanguage();
        Set<String> others = new LinkedHashSet<>(r.getLanguages());
        others.remove(r.getLanguage());
        f.otherLanguages = String.join(", ", others);
        f.countryCode = r.getCountryCode();
        f.region = r.getRegion();
        f.delivery = r.getDelivery().name();
        f.durationHours = r.getDurationHours() == null ? null : r.getDurationHours().toString();
        f.costAmount = r.isFree() ? null : r.getCostAmount().toPlainString();
        f.costCurrency = r.getCostCurrency();
        f.licence = r.getLicence();
        f.linkUrl = r.getLinkUrl();
        f.visibility = r.getVisibility().name();
        f.levelRank = r.getLevelRank() == null ? null : r.getLevelRank().toString();
        f.sdgs = new LinkedHashSet<>(r.getSdgs());
        f.competencyIds = new LinkedHashSet<>(r.getCompetencyIds());
        f.translationOfId = r.getTranslationOf() == null ? null : r.getTranslationOf().getId();
        f.seriesId = r.getSeries() == null ? null : r.getSeries().getId();
        f.useContext = r.getUseContext();
        f.useChallenge = r.getUseChallenge();
        f.useApproach = r.getUseApproach();
        f.useResults = r.getUseResults();
        f.useLessons = r.getUseLessons();
        f.useContacts = r.getUseContacts();
        return f;
    }

    ResourceInput toInput() {
        Set<String> others = new LinkedHashSet<>();
        if (otherLanguages != null) {
            for (String l : otherLanguages.split("[,;\\s]+")) {
                if (!l.isBlank()) {
                    others.add(l.trim());
                }
            }
        }
        return new ResourceInput(enumOf(ResourceKind.class, kind, "kind"), title, summary, coverText, language, others,
                countryCode, region, enumOf(Delivery.class, delivery, "delivery"), integer(durationHours, "durationHours",
                        "library.duration.invalid"),
                decimal(costAmount), costCurrency, licence, linkUrl, enumOf(Visibility.class, visibility, "visibility"),
                integer(levelRank, "levelRank", "library.level.invalid"), sdgs, competencyIds, translationOfId,
                seriesId, useContext, useChallenge, useApproach, useResults, useLessons, useContacts);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "library.choice.invalid", "Not one of the choices");
        }
    }

    static Integer integer(String value, String field, String code) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, code, "Not a whole number");
        }
    }

    static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("costAmount", "library.cost.invalid", "The cost is zero or a positive amount");
        }
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getCoverText() { return coverText; }
    public void setCoverText(String coverText) { this.coverText = coverText; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getOtherLanguages() { return otherLanguages; }
    public void setOtherLanguages(String otherLanguages) { this.otherLanguages = otherLanguages; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getDelivery() { return delivery; }
    public void setDelivery(String delivery) { this.delivery = delivery; }
    public String getDurationHours() { return durationHours; }
    public void setDurationHours(String durationHours) { this.durationHours = durationHours; }
    public String getCostAmount() { return costAmount; }
    public void setCostAmount(String costAmount) { this.costAmount = costAmount; }
    public String getCostCurrency() { return costCurrency; }
    public void setCostCurrency(String costCurrency) { this.costCurrency = costCurrency; }
    public String getLicence() { return licence; }
    public void setLicence(String licence) { this.licence = licence; }
    public String getLinkUrl() { return linkUrl; }
    public void setLinkUrl(String linkUrl) { this.linkUrl = linkUrl; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String visibility) { this.visibility = visibility; }
    public String getLevelRank() { return levelRank; }
    public void setLevelRank(String levelRank) { this.levelRank = levelRank; }
    public Set<Integer> getSdgs() { return sdgs; }
    public void setSdgs(Set<Integer> sdgs) { this.sdgs = sdgs; }
    public Set<Long> getCompetencyIds() { return competencyIds; }
    public void setCompetencyIds(Set<Long> competencyIds) { this.competencyIds = competencyIds; }
    public Long getTranslationOfId() { return translationOfId; }
    public void setTranslationOfId(Long translationOfId) { this.translationOfId = translationOfId; }
    public Long getSeriesId() { return seriesId; }
    public void setSeriesId(Long seriesId) { this.seriesId = seriesId; }
    public String getUseContext() { return useContext; }
    public void setUseContext(String useContext) { this.useContext = useContext; }
    public String getUseChallenge() { return useChallenge; }
    public void setUseChallenge(String useChallenge) { this.useChallenge = useChallenge; }
    public String getUseApproach() { return useApproach; }
    public void setUseApproach(String useApproach) { this.useApproach = useApproach; }
    public String getUseResults() { return useResults; }
    public void setUseResults(String useResults) { this.useResults = useResults; }
    public String getUseLessons() { return useLessons; }
    public void setUseLessons(String useLessons) { this.useLessons = useLessons; }
    public String getUseContacts() { return useContacts; }
    public void setUseContacts(String useContacts) { this.useContacts = useContacts; }
}
