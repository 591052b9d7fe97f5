package org.capacityhub.directory.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.capacityhub.platform.ApiTokenVerifier;
import org.capacityhub.platform.NotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists, revokes and verifies personal access tokens. */
@Service
public class ApiTokens implements ApiTokenVerifier {

    static final String TOKEN_PREFIX = "chub_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** A new token and the secret to show once. */
    public record CreatedToken(ApiToken token, String secret) {}

    @Transactional
    public CreatedToken create(long accountId, String name, Instant expiresAt) {
        UserAccount account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(account, name, hash(secret), secret.substring(0, 12), expiresAt));
        return new CreatedToken(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(long accountId) {
        return tokens.findByAccountIdOrderByCreatedAtDesc(accountId);
    }

    /** Revokes one of the account's tokens; another account's token is "not found". */
    @Transactional
    public void revoke(long accountId, long tokenId) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getAccount().getId() == accountId)
                .orElseThrow(() -> new NotFoundException("Token", tokenId));
        token.revoke();
    }

    @Override
    @Transactional
    public Optional<Authentication> verify(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return tokens.findByTokenHash(hash(secret))
                .filter(t -> t.isUsable(now) && t.getAccount().isEnabled())
                .map(t -> {
                    t.recordUse(now);
                    AccountPrincipal principal = new AccountPrincipal(t.getAccount());
                    principal.eraseCredentials();
                    List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
                    authorities.add(new SimpleGrantedAuthority(ApiTokenVerifier.AUTHORITY));
                    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
                });
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
