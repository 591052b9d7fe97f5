package org.capacityhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Capacity Hub: frameworks, assessment, gaps, plans, learning, matching, communities, recognition and evaluation
 * on one shared taxonomy. Each top-level package is a module; see docs/architecture.md.
 */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class CapacityHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(CapacityHubApplication.class, args);
    }
}
