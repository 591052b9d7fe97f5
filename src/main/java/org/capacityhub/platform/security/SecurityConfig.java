package org.capacityhub.platform.security;

import java.util.List;

import org.capacityhub.platform.ApiTokenVerifier;
import org.capacityhub.platform.PlatformSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the REST API under {@code /api/} (personal access tokens; HTTP Basic only to create a token;
 * no session, so no CSRF exposure) and the pages (form login or OpenID Connect, CSRF, session fixation protection).
 * Fine-grained rules (who may see which organisation's data) are checked in the modules' services.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /** Remembers the page asked for before signing in, without adding "?continue" to the address after it. */
    private static HttpSessionRequestCache savedRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        return new DefaultAuthenticationEventPublisher(events);
    }

    /** Passwords (form and HTTP Basic); publishes success and failure events (e.g. to record the last sign-in). */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, AuthenticationEventPublisher events) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ApiTokenVerifier tokens, MessageSource messages) throws Exception {
        ProblemResponses problems = new ProblemResponses(messages);
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    if (e instanceof LoginThrottledException throttled) {
                        problems.write(request, response, HttpStatus.UNAUTHORIZED, "login.throttled",
                                throttled.minutes());
                    } else {
                        problems.write(request, response, HttpStatus.UNAUTHORIZED, "api.problem.authentication-required");
                    }
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                        problems.write(request, response, HttpStatus.FORBIDDEN, "api.problem.forbidden")))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/tokens").authenticated()
                        .anyRequest().hasAuthority(ApiTokenVerifier.AUTHORITY));
        return http.build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager authenticationManager,
            PlatformSettings settings, ObjectProvider<ClientRegistrationRepository> clientRegistrations,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers,
            AuthenticationEventPublisher events, MessageSource messages) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/assets/**", "/webjars/**", "/favicon.ico",
                                "/invitations/**", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/api-docs", "/api-docs/**", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
                .requestCache(c -> c.requestCache(savedRequests()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new PasswordChangeRequiredFilter(new ProblemResponses(messages)), AuthorizationFilter.class);
        if (settings.oidc().enabled()) {
            if (clientRegistrations.getIfAvailable() == null) {
                throw new IllegalStateException("capacityhub.oidc.enabled=true but no OpenID Connect client is "
                        + "registered: set spring.security.oauth2.client.registration." + settings.oidc().registrationId()
                        + ".* (see README, 'OpenID Connect sign-in').");
            }
            OAuth2UserService<OidcUserRequest, OidcUser> service = oidcUsers.getIfAvailable(OidcUserService::new);
            // With an explicit authentication manager, the providers oauth2Login() registers are not used: the
            // OpenID Connect provider goes in a manager of its own, with the password manager as parent.
            ProviderManager withOidc = new ProviderManager(List.of(new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), service)), authenticationManager);
            withOidc.setAuthenticationEventPublisher(events);
            http.authenticationManager(withOidc);
            http.oauth2Login(o -> {
                o.loginPage("/login");
                o.userInfoEndpoint(u -> u.oidcUserService(service));
            });
        }
        return http.build();
    }
}
