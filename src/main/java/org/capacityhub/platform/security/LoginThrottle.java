package org.capacityhub.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_USER} failed sign-ins for one username, or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are refused until
 * the window has passed. Kept in memory: a restart forgives, which is acceptable for a throttle.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES_PER_USER = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant firstAt) {}

    /** How long the caller must wait before trying again, or {@link Duration#ZERO}. */
    Duration waitBeforeAttempt(String username, String address) {
        Duration user = wait(userKey(username), MAX_FAILURES_PER_USER);
        Duration origin = address == null ? Duration.ZERO : wait(addressKey(address), MAX_FAILURES_PER_ADDRESS);
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
        Duration left = Duration.between(clock.instant(), f.firstAt().plus(WINDOW));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void increment(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> f == null || f.firstAt().plus(WINDOW).isBefore(now)
                ? new Failures(1, now) : new Failures(f.count() + 1, f.firstAt()));
    }

    private void forgetExpired() {
        Instant limit = clock.instant().minus(WINDOW);
        failures.values().removeIf(f -> f.firstAt().isBefore(limit));
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
