package org.capacityhub.directory.account;

import java.util.List;

import org.capacityhub.directory.person.Person;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in person's own account: profile, preferences and password. */
@Service
class AccountService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional(readOnly = true)
    UserAccount get(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
    }

    /** The id of the person's organisation, without loading it. */
    @Transactional(readOnly = true)
    Long organisationId(Person person) {
        return accounts.findOrganisationIdOfPerson(person.getId());
    }

    /** Saves the whole form or nothing; every field at fault is reported at once. */
    @Transactional
    UserAccount updateProfile(long accountId, ProfileForm form) {
        UserAccount account = get(accountId);
        Person person = account.getPerson();
        FormRejectedException.Collector errors = new FormRejectedException.Collector();
        errors.attempt(() -> person.rename(form.getFullName()));
        errors.attempt(() -> person.describeRole(form.getPositionTitle(), form.getRoleFamily(), person.getOrganisation()));
        boolean countryOk = form.getCountryCode() == null || form.getCountryCode().isBlank()
                || errors.attempt(() -> Countries.require(form.getCountryCode()));
        // each of region, languages and time zone checked on its own, so that every one at fault is reported
        boolean regionOk = errors.attempt(() -> person.locate(null, form.getRegion(), List.of(), null));
        boolean languagesOk = errors.attempt(() -> person.locate(null, null, form.languageList(), null));
        boolean timeZoneOk = errors.attempt(() -> person.locate(null, null, List.of(), form.getTimeZone()));
        if (countryOk && regionOk && languagesOk && timeZoneOk) {
            errors.attempt(() -> person.locate(form.getCountryCode(), form.getRegion(), form.languageList(),
                    form.getTimeZone()));
        }
        String gender = form.getGender() == null || form.getGender().isBlank() ? null : form.getGender().strip();
        if (form.isGenderConsent() && gender != null && !ProfileForm.GENDERS.contains(gender)) {
            errors.add(new InvalidInputException("gender", "profile.gender.invalid", "Choose one of the options."));
        } else {
            person.declareGender(form.isGenderConsent(), gender);
        }
        String locale = form.getPreferredLocale() == null ? "" : form.getPreferredLocale().strip();
        if (!locale.isEmpty() && !ProfileForm.LOCALES.contains(locale)) {
            errors.add(new InvalidInputException("preferredLocale", "profile.locale.invalid",
                    "Choose English, French or the browser's language."));
        } else {
            account.preferLocale(locale);
        }
        errors.throwIfAny();
        return account;
    }

    /**
     * Replaces the password. The current one is always asked, even when the password must be changed (a session
     * left open is not enough to take over an account).
     */
    @Transactional
    UserAccount changePassword(long accountId, PasswordForm form) {
        UserAccount account = get(accountId);
        FormRejectedException.Collector errors = new FormRejectedException.Collector();
        String current = form.getCurrentPassword() == null ? "" : form.getCurrentPassword();
        boolean currentOk = account.getPasswordHash() != null && passwordEncoder.matches(current, account.getPasswordHash());
        if (!currentOk) {
            errors.add(new InvalidInputException("currentPassword", "account.password.wrong",
                    "This is not your current password."));
        }
        boolean policyOk = errors.attempt(() -> UserAccount.checkPasswordPolicy(form.getNewPassword(), "newPassword"));
        if (policyOk && currentOk && form.getNewPassword().equals(current)) {
            errors.add(new InvalidInputException("newPassword", "account.password.same",
                    "Choose a password different from the current one."));
        }
        if (policyOk && !form.getNewPassword().equals(form.getConfirmPassword())) {
            errors.add(new InvalidInputException("confirmPassword", "account.password.mismatch",
                    "The two new passwords differ."));
        }
        errors.throwIfAny();
        account.choosePassword(passwordEncoder.encode(form.getNewPassword()));
        return account;
    }
}
