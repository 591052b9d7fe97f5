package org.capacityhub.assessment.survey.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The respondent's pages ({@code /survey/r/{token}} and {@code /survey/thanks}) need no account: a single-use link
 * is the permission. GET and POST only, with CSRF protection (a session cookie holds the token), the same strict
 * Content Security Policy as every page, and no referrer (the link must not leak to other sites).
 */
@Configuration
class SurveySecurity {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    @Order(6)
    SecurityFilterChain surveyRespondentChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/survey/**")
                .requestCache(c -> c.disable())
                .anonymous(a -> {})
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/survey/r/*", "/survey/thanks").permitAll()
                        .requestMatchers(HttpMethod.POST, "/survey/r/*").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
