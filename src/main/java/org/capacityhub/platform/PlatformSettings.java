package org.capacityhub.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Installation settings under {@code capacityhub.*}; each can be given as an environment variable
 * ({@code CAPACITYHUB_DATA_DIR}, {@code CAPACITYHUB_ADMIN_USERNAME}, {@code CAPACITYHUB_ADMIN_PASSWORD},
 * {@code CAPACITYHUB_DEMO}, {@code CAPACITYHUB_BASE_URL}).
 */
@ConfigurationProperties("capacityhub")
public record PlatformSettings(Path dataDir, Admin admin, boolean demo, String baseUrl, Oidc oidc) {

    public PlatformSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        admin = admin == null ? new Admin("admin", null) : admin;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl;
        oidc = oidc == null ? new Oidc(false, "oidc") : oidc;
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
}
