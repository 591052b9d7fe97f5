package org.capacityhub.framework.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The CASE read API ({@code /ims/case/**}) is public, so that other tools can consume our published frameworks:
 * GET only, no session, no cookies; it serves published versions only.
 */
@Configuration
class CaseApiSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain caseApiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/ims/case/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> {})
                .cors(c -> {})
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/ims/case/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/ims/case/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/ims/case/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
