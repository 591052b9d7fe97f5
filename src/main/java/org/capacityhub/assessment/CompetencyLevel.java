package org.capacityhub.assessment;

import java.util.UUID;

/**
 * The level an assessment found for one competency (a section of the framework version).
 *
 * @param competencyId         the competency in the assessment's exact framework version
 * @param competencyIdentifier its CASE identifier (the same in every version)
 * @param levelId              the level of the version's scale, or null when the section was not rated
 * @param levelIdentifier      the level's CASE identifier, or null
 * @param rank                 the level's rank on the scale (0 is the lowest), or null
 * @param levelCount           how many levels the scale has
 */
public record CompetencyLevel(long competencyId, UUID competencyIdentifier, Long levelId, UUID levelIdentifier,
        Integer rank, int levelCount) {}
