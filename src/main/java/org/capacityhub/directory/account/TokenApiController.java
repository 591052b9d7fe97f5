package org.capacityhub.directory.account;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.capacityhub.directory.person.Person;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.PlatformUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Personal access tokens and the caller's own account, for scripts. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account and tokens", description = "Personal access tokens for scripts, and who the caller is")
class TokenApiController {

    private final ApiTokens tokens;
    private final AccountService accounts;

    TokenApiController(ApiTokens tokens, AccountService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Schema(description = "A new token; both fields are optional")
    record TokenRequest(
            @Schema(description = "what the token is for", example = "nightly export", maxLength = ApiToken.MAX_NAME) String name,
            @Schema(description = "end of validity: an instant (2027-01-31T00:00:00Z) or a date (2027-01-31, valid through that day, UTC); none for no expiry")
            String expiresAt) {}

    @Schema(description = "A token just created: the secret is shown this once and never again")
    record CreatedTokenView(long id, String name, String token, String prefix, Instant createdAt, Instant expiresAt) {}

    @Schema(description = "A token as listed: never its secret")
    record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
            Instant revokedAt, boolean active) {

        static TokenView of(ApiToken t, Instant now) {
            return new TokenView(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(), t.getLastUsedAt(),
                    t.getExpiresAt(), t.getRevokedAt(), t.isUsable(now));
        }
    }

    record MeView(long accountId, String username, boolean administrator, String preferredLocale, Instant lastSignInAt,
            PersonView person) {}

    record PersonView(long id, String fullName, String email, String positionTitle, String roleFamily,
            Long organisationId, String countryCode, String region, List<String> languages, String timeZone) {}

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal access token",
            description = "Authenticate with HTTP Basic (username and password) or an existing token. The token is "
                    + "in the answer only: store it, it cannot be shown again. An account that must first change its "
                    + "password gets 403.",
            security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "personalAccessToken")})
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid name or expiry (problem document)")
    @ApiResponse(responseCode = "401", description = "Wrong credentials, or too many failed attempts")
    @ApiResponse(responseCode = "403", description = "The password must be changed first")
    ResponseEntity<CreatedTokenView> create(@AuthenticationPrincipal PlatformUser user,
            @RequestBody(required = false) TokenRequest request) {
        String name = request == null || request.name() == null || request.name().isBlank()
                ? "API token " + LocalDate.now(ZoneOffset.UTC) : request.name();
        Instant expiresAt = parseExpiry(request == null ? null : request.expiresAt());
        ApiTokens.CreatedToken created = tokens.create(user.accountId(), name, expiresAt);
        ApiToken t = created.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.getId()))
                .body(new CreatedTokenView(t.getId(), t.getName(), created.secret(), t.getTokenPrefix(),
                        t.getCreatedAt(), t.getExpiresAt()));
    }

    @GetMapping("/tokens")
    @Operation(summary = "List the caller's tokens", description = "Never includes the secrets; newest first.")
    List<TokenView> list(@AuthenticationPrincipal PlatformUser user) {
        Instant now = Instant.now();
        return tokens.list(user.accountId()).stream().map(t -> TokenView.of(t, now)).toList();
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens",
            description = "Revoking is final. Another user's token is answered 404.")
    @ApiResponse(responseCode = "204", description = "Revoked (or already revoked)")
    @ApiResponse(responseCode = "404", description = "No such token among the caller's")
    void revoke(@AuthenticationPrincipal PlatformUser user, @PathVariable long id) {
        tokens.revoke(user.accountId(), id);
    }

    @GetMapping("/me")
    @Operation(summary = "Who the caller is", description = "The caller's account and person.")
    MeView me(@AuthenticationPrincipal PlatformUser user) {
        UserAccount account = accounts.get(user.accountId());
        Person p = account.getPerson();
        PersonView person = new PersonView(p.getId(), p.getFullName(), p.getEmail(), p.getPositionTitle(),
                p.getRoleFamily() == null ? null : p.getRoleFamily().name(),
                accounts.organisationId(p), p.getCountryCode(), p.getRegion(), p.getLanguages(), p.getTimeZone());
        return new MeView(account.getId(), account.getUsername(), account.isAdministrator(),
                account.getPreferredLocale(), account.getLastSignInAt(), person);
    }

    static Instant parseExpiry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiresAt", "token.expiry.invalid",
                    "Give the expiry as a date (2027-01-31) or an instant (2027-01-31T00:00:00Z).");
        }
    }
}
