package org.capacityhub.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.capacityhub.platform.PlatformSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a number of failed sign-ins for one username, or from one address, within a
 * window ({@code capacityhub.sign-in.*}, by default 5, 30 and 15 minutes), further attempts are refused until the
 * window has passed. Kept in memory: a restart forgives, which is acceptable for a throttle.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration window;

    @Autowired
    LoginThrottle(PlatformSettings settings) {
        this(Clock.systemUTC(), settings.signIn());
    }

    LoginThrottle(Clock clock, PlatformSettings.SignIn limits) {
        this.clock = clock;
        this.maxFailuresPerUser = limits.maxFailuresPerUser();
        this.maxFailuresPerAddress = limits.maxFailuresPerAddress();
        this.window = limits.window();
    }

    private record Failures(int count, Instant firstAt) {}

    /** How long the caller must wait before trying again, or {@link Duration#ZERO}. */
    Duration waitBeforeAttempt(String username, String address) {
        Duration user = wait(userKey(username), maxFailuresPerUser);
        Duration origin = address == null ? Duration.ZERO : wait(addressKey(address), maxFailuresPerAddress);
        return user.compareTo(origin) >= 0 ? user : origin;
    }

    void recordFailure(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            forgetExpired();
        }
        increment(userKey(username));
        if (address != null) {
            increment(addressKey(address));
        }
    }

    void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private Duration wait(String key, int max) {
        Failures f = failures.get(key);
        if (f == null || f.count() < max) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.firstAt().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void increment(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> f == null || f.firstAt().plus(window).isBefore(now)
                ? new Failures(1, now) : new Failures(f.count() + 1, f.firstAt()));
    }

    private void forgetExpired() {
        Instant limit = clock.instant().minus(window);
        failures.values().removeIf(f -> f.firstAt().isBefore(limit));
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
