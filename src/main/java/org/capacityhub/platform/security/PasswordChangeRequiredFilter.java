package org.capacityhub.platform.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.platform.PlatformUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a user whose password was generated or reset on the password page until they choose their own.
 * Pages redirect there; the API refuses with a problem document.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    PasswordChangeRequiredFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    static final String PASSWORD_PAGE = "/account/password";
    private static final List<String> ALLOWED = List.of(PASSWORD_PAGE, "/logout", "/login", "/error", "/assets/",
            "/webjars/", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PlatformUser user
                && user.passwordChangeRequired() && !allowed(path(request))) {
            if (path(request).startsWith("/api/")) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "api.problem.password-change-required");
            } else {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean allowed(String path) {
        return ALLOWED.stream().anyMatch(a -> a.endsWith("/") ? path.startsWith(a) : path.equals(a));
    }
}
