package org.capacityhub.platform;

import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is writing and through which path, for the audit log. Pages and the API are recognised from the request;
 * imports and background jobs declare themselves with {@link #run(String, Channel, Runnable)}.
 */
public final class AuditContext {

    /** The path a write came through. */
    public enum Channel { PAGE, API, IMPORT, JOB, SYSTEM }

    private record Scope(String actor, Channel channel) {}

    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    private AuditContext() {}

    /** Runs {@code work} with writes attributed to {@code actor} through {@code channel}. */
    public static void run(String actor, Channel channel, Runnable work) {
        call(actor, channel, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T call(String actor, Channel channel, Supplier<T> work) {
        Scope previous = SCOPE.get();
        SCOPE.set(new Scope(actor, channel));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                SCOPE.remove();
            } else {
                SCOPE.set(previous);
            }
        }
    }

    /** The signed-in user's name, or "system" when nobody is signed in (start-up, jobs). */
    public static String currentActor() {
        Scope scope = SCOPE.get();
        if (scope != null && scope.actor() != null) {
            return scope.actor();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName())) {
            return authentication.getName();
        }
        return "system";
    }

    public static Channel currentChannel() {
        Scope scope = SCOPE.get();
        if (scope != null) {
            return scope.channel();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String path = attributes.getRequest().getRequestURI().substring(attributes.getRequest().getContextPath().length());
            return path.startsWith("/api/") ? Channel.API : Channel.PAGE;
        }
        return Channel.SYSTEM;
    }
}
