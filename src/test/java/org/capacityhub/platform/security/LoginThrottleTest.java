package org.capacityhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.capacityhub.platform.PlatformSettings;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock,
            new PlatformSettings.SignIn(3, 5, Duration.ofMinutes(10)));

    @Test
    void aUsernameIsHeldBackAfterTooManyFailuresUntilTheWindowHasPassed() {
        throttle.recordFailure("Alice", "10.0.0.1");
        throttle.recordFailure("alice", "10.0.0.2");
        assertThat(throttle.waitBeforeAttempt("alice", "10.0.0.3")).isZero();

        throttle.recordFailure(" ALICE ", "10.0.0.3");

        assertThat(throttle.waitBeforeAttempt("alice", "10.0.0.9")).isEqualTo(Duration.ofMinutes(10));
        assertThat(throttle.waitBeforeAttempt("bob", "10.0.0.9")).isZero();
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.waitBeforeAttempt("alice", null)).isEqualTo(Duration.ofMinutes(6));
        clock.advance(Duration.ofMinutes(6).plusSeconds(1));
        assertThat(throttle.waitBeforeAttempt("alice", null)).isZero();
    }

    @Test
    void anAddressIsHeldBackWhateverUsernamesItTries() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "192.0.2.7");
        }
        assertThat(throttle.waitBeforeAttempt("someone-else", "192.0.2.7")).isPositive();
        assertThat(throttle.waitBeforeAttempt("someone-else", "192.0.2.8")).isZero();
    }

    @Test
    void aSuccessForgivesTheUsernamesFailures() {
        throttle.recordFailure("carol", "10.0.0.1");
        throttle.recordFailure("carol", "10.0.0.1");
        throttle.recordSuccess("carol");
        throttle.recordFailure("carol", "10.0.0.1");
        throttle.recordFailure("carol", "10.0.0.1");
        assertThat(throttle.waitBeforeAttempt("carol", "10.0.0.1")).isZero();
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        throttle.recordFailure("dave", null);
        throttle.recordFailure("dave", null);
        clock.advance(Duration.ofMinutes(11));
        throttle.recordFailure("dave", null);
        assertThat(throttle.waitBeforeAttempt("dave", null)).isZero();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
