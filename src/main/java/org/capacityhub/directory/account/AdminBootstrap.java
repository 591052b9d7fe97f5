package org.capacityhub.directory.account;

import java.security.SecureRandom;

import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a fresh installation, creates the first administrator, as Keycloak's bootstrap admin does: with
 * {@code CAPACITYHUB_ADMIN_USERNAME} / {@code CAPACITYHUB_ADMIN_PASSWORD} when given, otherwise {@code admin}
 * with a generated password printed once to the log and to be changed at first sign-in. Never a fixed password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccountRepository accounts;
    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final PlatformSettings settings;
    private final TransactionTemplate transaction;

    AdminBootstrap(UserAccountRepository accounts, PersonRepository people, PasswordEncoder passwordEncoder,
            PlatformSettings settings, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.existsByAdministratorTrue()) {
            return;
        }
        String given = settings.admin().password();
        boolean generated = given == null || given.isEmpty();
        if (!generated) {
            try {
                UserAccount.checkPasswordPolicy(given, "password");
            } catch (InvalidInputException e) {
                throw new IllegalStateException("CAPACITYHUB_ADMIN_PASSWORD is not accepted: " + e.getMessage(), e);
            }
        }
        String password = generated ? generatePassword() : given;
        String username = UserAccount.normaliseUsername(settings.admin().username());
        AuditContext.run("system", AuditContext.Channel.SYSTEM, () -> transaction.executeWithoutResult(status -> {
            Person person = people.save(new Person("Administrator", null, null));
            UserAccount account = new UserAccount(username, person);
            account.grantAdministrator(true);
            if (generated) {
                account.assignTemporaryPassword(passwordEncoder.encode(password));
            } else {
                account.choosePassword(passwordEncoder.encode(password));
            }
            accounts.save(account);
        }));
        if (generated) {
            log.warn("""

                    ================================================================
                     Capacity Hub: first administrator created
                       sign in at  {}/login
                       username    {}
                       password    {}
                     This password is shown only once; you will choose your own
                     at first sign-in.
                    ================================================================""",
                    settings.baseUrl(), username, password);
        } else {
            log.info("Capacity Hub: first administrator '{}' created from CAPACITYHUB_ADMIN_USERNAME/PASSWORD; "
                    + "sign in at {}/login", username, settings.baseUrl());
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
