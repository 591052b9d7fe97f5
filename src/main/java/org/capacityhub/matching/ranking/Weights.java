package org.capacityhub.matching.ranking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much each factor counts in the match score ({@code capacityhub.matching.weights.*}); the score is the
 * weighted mean of the factors, so only the ratios matter. A weight of 0 ignores the factor.
 */
@ConfigurationProperties("capacityhub.matching.weights")
public class Weights {

    private double taxonomy = 3;
    private double level = 2;
    private double language = 2;
    private double region = 1;
    private double timeZone = 1;
    private double format = 1;
    private double availability = 1.5;
    private double feedback = 1;

    /** The weights in {@link Factor} order. */
    public double[] asArray() {
        double[] w = {taxonomy, level, language, region, timeZone, format, availability, feedback};
        for (double v : w) {
            if (v < 0 || Double.isNaN(v)) {
                throw new IllegalStateException("capacityhub.matching.weights.* must be 0 or more");
            }
        }
        return w;
    }

    public double getTaxonomy() { return taxonomy; }
    public void setTaxonomy(double taxonomy) { this.taxonomy = taxonomy; }
    public double getLevel() { return level; }
    public void setLevel(double level) { this.level = level; }
    public double getLanguage() { return language; }
    public void setLanguage(double language) { this.language = language; }
    public double getRegion() { return region; }
    public void setRegion(double region) { this.region = region; }
    public double getTimeZone() { return timeZone; }
    public void setTimeZone(double timeZone) { this.timeZone = timeZone; }
    public double getFormat() { return format; }
    public void setFormat(double format) { this.format = format; }
    public double getAvailability() { return availability; }
    public void setAvailability(double availability) { this.availability = availability; }
    public double getFeedback() { return feedback; }
    public void setFeedback(double feedback) { this.feedback = feedback; }
}
