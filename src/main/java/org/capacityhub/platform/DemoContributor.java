package org.capacityhub.platform;

import java.util.List;

/**
 * A module's part of the demo dataset. When an administrator (or {@code CAPACITYHUB_DEMO=true}) asks for the demo,
 * every contributor runs once, in {@link #order()}, inside one transaction: the directory first, then the
 * capabilities that build on it.
 */
public interface DemoContributor {

    int order();

    /** Adds this module's demo data; everything it creates must be recognisably labelled as demo data. */
    void contribute();

    /**
     * The demo sign-in accounts created by the last {@link #contribute()}, with their generated passwords, so that
     * the administrator who loaded the demo can try each role. Passwords are generated at each installation (never
     * fixed secrets), kept only in memory and the log, and shown on the demo page until the next restart.
     */
    default List<SignIn> signIns() {
        return List.of();
    }

    /**
     * A demo account to try.
     *
     * @param username       the account's username
     * @param password       its generated password
     * @param descriptionKey message key describing who this is (role, organisation)
     */
    record SignIn(String username, String password, String descriptionKey) {

        @Override
        public String toString() {
            return username;
        }
    }
}
