package org.capacityhub.platform;

/**
 * What the platform needs to know of a signed-in user, whatever the way they signed in (form, OpenID Connect,
 * API token). Implemented by the directory's principal.
 */
public interface PlatformUser {

    long accountId();

    long personId();

    String username();

    String displayName();

    boolean administrator();

    /** True while the account still carries a generated or reset password that must be replaced. */
    boolean passwordChangeRequired();

    /** The language chosen on the profile, or null to follow the browser. */
    String preferredLocale();
}
