package org.capacityhub.platform.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.DemoContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo dataset: a fictional country with ministries, people and, as capabilities arrive, their assessments,
 * plans, resources and mentors. Loaded once, only when asked, by every module's {@link DemoContributor}.
 */
@Service
public class DemoDataset {

    private static final Logger log = LoggerFactory.getLogger(DemoDataset.class);
    static final String STATE_KEY = "demo.loaded";

    private final List<DemoContributor> contributors;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private volatile Boolean loaded;
    private volatile List<DemoContributor.SignIn> signIns = List.of();

    DemoDataset(List<DemoContributor> contributors, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoContributor::order)).toList();
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public boolean isLoaded() {
        Boolean known = loaded;
        if (known == null) {
            known = jdbc.queryForObject("select count(*) from platform_state where state_key = ?", Integer.class,
                    STATE_KEY) > 0;
            loaded = known;
        }
        return known;
    }

    /**
     * Loads the demo dataset unless it is already there.
     *
     * @param requestedBy who asked, for the audit log
     * @return false if it was already loaded
     */
    public synchronized boolean load(String requestedBy) {
        if (isLoaded()) {
            return false;
        }
        List<DemoContributor.SignIn> created = new java.util.ArrayList<>();
        AuditContext.run(requestedBy, AuditContext.Channel.SYSTEM, () -> transaction.executeWithoutResult(status -> {
            contributors.forEach(contributor -> {
                contributor.contribute();
                created.addAll(contributor.signIns());
            });
            jdbc.update("insert into platform_state (state_key, state_value, updated_at) values (?, ?, ?)",
                    STATE_KEY, requestedBy, OffsetDateTime.now(ZoneOffset.UTC));
        }));
        loaded = true;
        signIns = List.copyOf(created);
        log.info("Demo dataset loaded (asked by {}).", requestedBy);
        return true;
    }

    /**
     * The demo accounts created when the demo was loaded by this run of the application, with their generated
     * passwords (kept in memory only: after a restart, an administrator resets them like any other account's).
     */
    public List<DemoContributor.SignIn> signIns() {
        return signIns;
    }
}
