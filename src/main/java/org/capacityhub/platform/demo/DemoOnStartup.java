package org.capacityhub.platform.demo;

import org.capacityhub.platform.PlatformSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo dataset on start when {@code capacityhub.demo=true} (or {@code CAPACITYHUB_DEMO=true}). */
@Component
@Order(100)
class DemoOnStartup implements ApplicationRunner {

    private final PlatformSettings settings;
    private final DemoDataset demo;

    DemoOnStartup(PlatformSettings settings, DemoDataset demo) {
        this.settings = settings;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demo()) {
            demo.load("CAPACITYHUB_DEMO");
        }
    }
}
