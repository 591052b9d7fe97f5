package org.capacityhub.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Installation settings under {@code capacityhub.*}; each can be given as an environment variable
 * ({@code CAPACITYHUB_DATA_DIR}, {@code CAPACITYHUB_ADMIN_USERNAME}, {@code CAPACITYHUB_ADMIN_PASSWORD},
 * {@code CAPACITYHUB_DEMO}, {@code CAPACITYHUB_BASE_URL}).
 */
@ConfigurationProperties("capacityhub")
public record PlatformSettings(Path dataDir, Admin admin, boolean demo, String baseUrl, Oidc oidc, SignIn signIn) {

    public PlatformSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        admin = admin == null ? new Admin("admin", null) : admin;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl;
        oidc = oidc == null ? new Oidc(false, "oidc") : oidc;
        signIn = signIn == null ? new SignIn(0, 0, null) : signIn;
    }

    public record Admin(String username, String password) {
        public Admin {
            username = username == null || username.isBlank() ? "admin" : username.trim();
        }
    }

    /** OpenID Connect sign-in; {@code registrationId} names the spring.security.oauth2.client registration. */
    public record Oidc(boolean enabled, String registrationId) {
        public Oidc {
            registrationId = registrationId == null || registrationId.isBlank() ? "oidc" : registrationId;
        }
    }

    /**
     * Sign-in throttle: after {@code maxFailuresPerUser} failures for one username, or {@code maxFailuresPerAddress}
     * from one address, within {@code window}, further attempts wait until the window has passed.
     */
    public record SignIn(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window) {
        public SignIn {
            maxFailuresPerUser = maxFailuresPerUser <= 0 ? 5 : maxFailuresPerUser;
            maxFailuresPerAddress = maxFailuresPerAddress <= 0 ? 30 : maxFailuresPerAddress;
            window = window == null || window.isNegative() || window.isZero() ? Duration.ofMinutes(15) : window;
        }
    }
}
