package org.capacityhub.directory.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.Mailer;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformSettings;
import org.capacityhub.platform.PlatformUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: administrators invite anyone, with any role; an organisation's focal point invites people to the
 * organisations they manage (and may make them focal points there, never administrators).
 */
@Service
class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String TOKEN_PREFIX = "inv_";

    private final InvitationRepository invitations;
    private final UserAccountRepository accounts;
    private final PersonRepository people;
    private final OrganisationRepository organisations;
    private final DirectoryAccess access;
    private final PasswordEncoder passwordEncoder;
    private final PlatformSettings settings;
    private final Mailer mailer;
    private final MessageSource messages;

    Invitations(InvitationRepository invitations, UserAccountRepository accounts, PersonRepository people,
            OrganisationRepository organisations, DirectoryAccess access, PasswordEncoder passwordEncoder,
            PlatformSettings settings, Mailer mailer, MessageSource messages) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.people = people;
        this.organisations = organisations;
        this.access = access;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
        this.mailer = mailer;
        this.messages = messages;
    }

    /** A new invitation and its link, to show once. */
    record Created(Invitation invitation, String link, String organisationName) {}

    /** An invitation opened from its link, with who sent it. */
    record Opened(Invitation invitation, String inviterName, String organisationName, boolean existingPerson) {}

    /** The organisations the current user may invite people to (all of them for an administrator). */
    @Transactional(readOnly = true)
    List<Organisation> invitableOrganisations() {
        List<Organisation> all = organisations.findAllByOrderByName();
        if (access.isAdministrator()) {
            return all;
        }
        return all.stream().filter(o -> access.canManage(o.getId())).toList();
    }

    /** May the current user invite anyone (an administrator, or a focal point of some organisation)? */
    @Transactional(readOnly = true)
    boolean canInvite() {
        return access.isAdministrator() || !invitableOrganisations().isEmpty();
    }

    /** Only administrators and focal points may invite. */
    @Transactional(readOnly = true)
    void requireInviter() {
        if (!canInvite()) {
            throw new AccessDeniedException("Only administrators and focal points invite people");
        }
    }

    @Transactional(readOnly = true)
    List<Invitation> visible() {
        requireInviter();
        if (access.isAdministrator()) {
            return invitations.findTop200ByOrderByCreatedAtDesc();
        }
        Set<Long> ids = invitableOrganisations().stream().map(Organisation::getId).collect(Collectors.toSet());
        return invitations.findTop200ByOrganisationIdInOrderByCreatedAtDesc(ids);
    }

    @Transactional
    Created create(InvitationForm form) {
        PlatformUser inviter = access.requireUser();
        requireInviter();
        if (form.isAdministrator() && !inviter.administrator()) {
            throw new AccessDeniedException("Only administrators invite administrators");
        }
        FormRejectedException.Collector errors = new FormRejectedException.Collector();
        Organisation organisation = null;
        if (form.getOrganisationId() != null) {
            organisation = organisations.findById(form.getOrganisationId()).orElse(null);
            if (organisation == null || !access.canManage(organisation.getId())) {
                errors.add(new InvalidInputException("organisationId", "invitation.organisation.unknown",
                        "Choose one of the organisations in the list."));
            }
        } else if (!inviter.administrator()) {
            errors.add(new InvalidInputException("organisationId", "invitation.organisation.required",
                    "Choose the organisation the person joins."));
        }
        String email = null;
        try {
            email = Person.normaliseEmail(form.getEmail());
        } catch (InvalidInputException e) {
            errors.add(e);
        }
        if (email != null) {
            String address = email;
            Optional<Person> person = people.findByEmail(address);
            if (person.isPresent() && accounts.findByPersonId(person.get().getId()).isPresent()) {
                errors.add(new InvalidInputException("email", "invitation.email.taken",
                        "Someone with this e-mail address already has an account."));
            } else if (invitations.existsPendingFor(address, Instant.now())) {
                errors.add(new InvalidInputException("email", "invitation.email.pending",
                        "An invitation to this address is still pending: withdraw it first to send a new one."));
            }
        }
        errors.attempt(() -> Invitation.normaliseName(form.getFullName()));
        errors.throwIfAny();
        String secret = TOKEN_PREFIX + randomToken();
        Organisation chosen = organisation;
        Invitation[] created = new Invitation[1];
        errors.attempt(() -> created[0] = new Invitation(form.getEmail(), form.getFullName(), chosen,
                form.isFocalPoint(), form.isAdministrator(), inviter.username(), ApiTokens.hash(secret)));
        errors.throwIfAny();
        Invitation invitation = invitations.save(created[0]);
        return new Created(invitation, link(secret), chosen == null ? null : chosen.getName());
    }

    /**
     * Sends the invitation by e-mail, in the inviter's language; call after {@link #create} has committed. Never
     * fails silently: without an SMTP server the message waits in the outbox.
     */
    Mailer.Delivery send(Created created, String inviterName, Locale locale) {
        Invitation invitation = created.invitation();
        String expires = DateTimeFormatter.ISO_LOCAL_DATE.format(invitation.getExpiresAt().atZone(ZoneOffset.UTC));
        String role = created.organisationName() == null ? ""
                : messages.getMessage(invitation.isFocalPoint() ? "invitation.mail.asFocalPoint" : "invitation.mail.asMember",
                        new Object[] {created.organisationName()}, locale);
        String subject = messages.getMessage("invitation.mail.subject", new Object[] {inviterName}, locale);
        String body = messages.getMessage("invitation.mail.body",
                new Object[] {invitation.getFullName(), inviterName, role, created.link(), expires}, locale);
        return mailer.send(invitation.getEmail(), subject, body);
    }

    @Transactional(readOnly = true)
    Opened open(String token) {
        Invitation invitation = find(token);
        invitation.requireUsable(Instant.now());
        String inviter = accounts.findByUsername(invitation.getInvitedBy()).map(a -> a.getPerson().getFullName())
                .orElse(invitation.getInvitedBy());
        String organisation = invitation.getOrganisation() == null ? null : invitation.getOrganisation().getName();
        return new Opened(invitation, inviter, organisation, people.findByEmail(invitation.getEmail()).isPresent());
    }

    /**
     * Creates the account (and the person, or links the existing person with the invitation's e-mail address) and
     * uses up the invitation. Every field at fault is reported at once; nothing is saved unless all is well.
     */
    @Transactional
    UserAccount accept(String token, AcceptInvitationForm form) {
        Invitation invitation = find(token);
        Instant now = Instant.now();
        invitation.requireUsable(now);
        FormRejectedException.Collector errors = new FormRejectedException.Collector();
        String[] username = new String[1];
        if (errors.attempt(() -> username[0] = UserAccount.normaliseUsername(form.getUsername()))
                && accounts.existsByUsername(username[0])) {
            errors.add(new InvalidInputException("username", "account.username.taken",
                    "This username is taken: choose another."));
        }
        if (errors.attempt(() -> UserAccount.checkPasswordPolicy(form.getPassword(), "password"))
                && !form.getPassword().equals(form.getConfirmPassword())) {
            errors.add(new InvalidInputException("confirmPassword", "account.password.mismatch",
                    "The two new passwords differ."));
        }
        Optional<Person> existing = people.findByEmail(invitation.getEmail());
        if (existing.isPresent() && accounts.findByPersonId(existing.get().getId()).isPresent()) {
            errors.add(new InvalidInputException(null, "invitation.email.taken",
                    "Someone with this e-mail address already has an account."));
        }
        errors.throwIfAny();
        // the writes are the invitee's own: attribute them to the account being created
        return AuditContext.call(username[0], AuditContext.currentChannel(),
                () -> createAccount(invitation, existing, username[0], form.getPassword(), now));
    }

    private UserAccount createAccount(Invitation invitation, Optional<Person> existing, String username,
            String password, Instant now) {
        Person person = existing.orElseGet(() -> people.save(
                new Person(invitation.getFullName(), invitation.getEmail(), invitation.getOrganisation())));
        if (invitation.getOrganisation() != null && person.getOrganisation() == null) {
            person.describeRole(person.getPositionTitle(), person.getRoleFamily(), invitation.getOrganisation());
        }
        if (invitation.isFocalPoint() && invitation.getOrganisation() != null) {
            invitation.getOrganisation().addFocalPoint(person);
        }
        UserAccount account = new UserAccount(username, person);
        account.choosePassword(passwordEncoder.encode(password));
        account.grantAdministrator(invitation.isAdministrator());
        account.recordSignIn();
        account = accounts.save(account);
        invitation.accept(account, now);
        return account;
    }

    @Transactional
    void revoke(long id) {
        Invitation invitation = invitations.findById(id).orElseThrow(() -> new NotFoundException("Invitation", id));
        boolean allowed = access.isAdministrator()
                || (invitation.getOrganisation() != null && access.canManage(invitation.getOrganisation().getId()));
        if (!allowed) {
            throw new NotFoundException("Invitation", id);
        }
        invitation.revoke();
    }

    private Invitation find(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            throw new NotFoundException("Invitation", "");
        }
        return invitations.findByTokenHash(ApiTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("Invitation", ""));
    }

    private String link(String secret) {
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
                : settings.baseUrl();
        return base + "/invitations/" + secret;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
