package org.capacityhub.framework.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.capacityhub.framework.domain.FrameworkRepository;
import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.platform.AuditContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the built-in frameworks on start, once: each has a fixed CASE identifier (the same on every
 * installation), and is skipped when a framework with that identifier already exists. Their text is copied
 * verbatim from the source documents (see docs/frameworks.md and FrameworkSeedFidelityTest).
 */
@Component
@Order(100)
public class BuiltInFrameworks implements ApplicationRunner {

    /** Resource files, in loading order. */
    public static final List<String> RESOURCES = List.of(
            "framework/builtin/unesco-ai-digital-transformation.json",
            "framework/builtin/govstack-skills-assessment.json");

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Logger log = LoggerFactory.getLogger(BuiltInFrameworks.class);

    private final FrameworkRepository frameworks;
    private final FrameworkService service;
    private final TransactionTemplate transaction;

    BuiltInFrameworks(FrameworkRepository frameworks, FrameworkService service, TransactionTemplate transaction) {
        this.frameworks = frameworks;
        this.service = service;
        this.transaction = transaction;
    }

    public static FrameworkData read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JSON.readValue(in, FrameworkData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in framework " + resource, e);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String resource : RESOURCES) {
            FrameworkData data = read(resource);
            if (frameworks.findByIdentifier(data.identifier()).isPresent()) {
                continue;
            }
            AuditContext.run("system", AuditContext.Channel.SYSTEM, () -> transaction.executeWithoutResult(
                    status -> service.createUnchecked(data, true, true)));
            log.info("Built-in framework loaded: {} ({})", data.title().get("en"), data.identifier());
        }
    }
}
