package org.capacityhub.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/** Turns a personal access token from an {@code Authorization: Bearer} header into an authentication. */
public interface ApiTokenVerifier {

    /** Authority that an authentication made from a token must carry: the API accepts only those. */
    String AUTHORITY = "API_TOKEN";

    Optional<Authentication> verify(String token);
}
