package org.capacityhub.matching.ranking;

import java.util.List;
import java.util.Map;

/**
 * What a request (or a mentee, in pairing) asks for, prepared for scoring.
 *
 * @param targets            by CASE identifier of a competency that answers the request: how close it is to the
 *                           competency asked for, and the level wanted
 * @param languages          ISO 639 codes, preferred first
 * @param countryCode        the requester's country, or null
 * @param utcOffsetMinutes   the requester's UTC offset now, or null when unknown
 * @param format             the format wanted, or null for any
 * @param requesterProfileId the requester's own profile (never ranked), or null
 */
public record Need(Map<String, Target> targets, List<String> languages, String countryCode, Integer utcOffsetMinutes,
        Format format, Long requesterProfileId) {

    public Need {
        targets = Map.copyOf(targets);
        languages = List.copyOf(languages);
    }

    /**
     * @param proximity       how close this competency is to the one asked for
     * @param requestedId     the competency asked for
     * @param targetFraction  the level wanted, as a fraction of the requested competency's scale (0 lowest, 1 top)
     */
    public record Target(Proximity proximity, long requestedId, double targetFraction) {}
}
