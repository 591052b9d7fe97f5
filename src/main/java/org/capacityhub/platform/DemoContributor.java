package org.capacityhub.platform;

/**
 * A module's part of the demo dataset. When an administrator (or {@code CAPACITYHUB_DEMO=true}) asks for the demo,
 * every contributor runs once, in {@link #order()}, inside one transaction: the directory first, then the
 * capabilities that build on it.
 */
public interface DemoContributor {

    int order();

    /** Adds this module's demo data; everything it creates must be recognisably labelled as demo data. */
    void contribute();
}
