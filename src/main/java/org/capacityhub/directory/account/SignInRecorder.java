package org.capacityhub.directory.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Notes when each account last signed in (form, HTTP Basic for a token, or OpenID Connect). */
@Component
class SignInRecorder {

    private final UserAccountRepository accounts;
    private final TransactionTemplate transaction;

    SignInRecorder(UserAccountRepository accounts, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.transaction = transaction;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            transaction.executeWithoutResult(s ->
                    accounts.findById(principal.accountId()).ifPresent(UserAccount::recordSignIn));
        }
    }
}
