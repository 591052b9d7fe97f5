package org.capacityhub.matching.ranking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Countries grouped by UN M49 region (see {@code matching/regions.properties}): the region below the continent
 * (e.g. {@code 014} Eastern Africa) and the continent (e.g. {@code 002} Africa). Names are message keys
 * {@code matching.region.<code>}.
 */
public final class Regions {

    private static final Map<String, String> REGION_OF_COUNTRY = new HashMap<>();
    private static final Map<String, String> CONTINENT_OF_REGION = new HashMap<>();

    static {
        Properties table = new Properties();
        try (InputStream in = Regions.class.getResourceAsStream("/matching/regions.properties")) {
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String region : table.stringPropertyNames()) {
            String[] parts = table.getProperty(region).split(":");
            CONTINENT_OF_REGION.put(region, parts[0].strip());
            for (String country : parts[1].split(",")) {
                REGION_OF_COUNTRY.put(country.strip(), region);
            }
        }
    }

    private Regions() {}

    /** The M49 region of a country (e.g. {@code 014} for KE), or null when unknown. */
    public static String regionOf(String countryCode) {
        return countryCode == null ? null : REGION_OF_COUNTRY.get(countryCode);
    }

    /** The M49 continent of a country (e.g. {@code 002} for KE), or null when unknown. */
    public static String continentOf(String countryCode) {
        String region = regionOf(countryCode);
        return region == null ? null : CONTINENT_OF_REGION.get(region);
    }

    /** Every region code, sorted. */
    public static List<String> regions() {
        return List.copyOf(new TreeSet<>(CONTINENT_OF_REGION.keySet()));
    }

    /** The countries of a region. */
    public static List<String> countriesOf(String region) {
        return REGION_OF_COUNTRY.entrySet().stream().filter(e -> e.getValue().equals(region)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    static Map<String, String> table() {
        return Collections.unmodifiableMap(REGION_OF_COUNTRY);
    }
}
