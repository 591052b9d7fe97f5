package org.capacityhub.platform.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of repeated failures; says how many minutes to wait. */
public class LoginThrottledException extends AuthenticationException {

    private final long minutes;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-in attempts. Try again in " + Math.max(1, wait.toMinutes() + 1) + " minutes.");
        this.minutes = Math.max(1, wait.toMinutes() + 1);
    }

    public long minutes() {
        return minutes;
    }
}
