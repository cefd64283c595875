package org.outagedesk.security;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.SystemActor;
import org.outagedesk.base.Text;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Users of the console and the API. Only incident managers manage them; the last active incident manager can be
 * neither disabled nor given another role, so that somebody can always run the incident.
 */
@Service
@Validated
@IncidentManagersOnly
public class UserService {

    private final AppUserRepository users;
    private final CatalogService catalog;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final SecurityProperties properties;
    private final ApiCredentialsCache credentials;
    private final Clock clock;

    UserService(AppUserRepository users, CatalogService catalog, PasswordEncoder passwordEncoder, AuditService audit,
            SecurityProperties properties, ApiCredentialsCache credentials, Clock clock) {
        this.users = users;
        this.catalog = catalog;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.properties = properties;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The active incident managers with their e-mail addresses (no role check: for the team e-mails). */
    @Transactional(readOnly = true)
    public List<TeamContact> activeIncidentManagers() {
        return users.findActiveIncidentManagers().stream()
                .map(u -> new TeamContact(u.getUsername(), u.getDisplayName(), u.getEmail(),
                        u.wantsInfoEmails())).toList();
    }

    /** Sets (or clears, with null or blank) a user's e-mail address. */
    @Transactional
    public UserSummary changeEmail(long id, @Nullable String email) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        String address = validEmail(email);
        user.changeEmail(address);
        audit.record("USER_EMAIL_CHANGED", "User", user.getUsername(), address == null ? "e-mail removed"
                : "e-mail set");
        return UserSummary.of(user);
    }

    /** The signed-in user's own account, e-mail address and switch included. Every signed-in role. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public UserSummary me() {
        return UserSummary.of(signedIn());
    }

    /**
     * The signed-in user sets their own e-mail address (null or blank: none) and whether the e-mails that are for
     * information only reach them. Every signed-in role.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public UserSummary changeMyEmail(@Nullable String email, boolean infoEmails) {
        AppUser user = signedIn();
        String address = validEmail(email);
        boolean changed = !Objects.equals(address, user.getEmail());
        boolean switched = infoEmails != user.wantsInfoEmails();
        user.changeEmail(address);
        user.switchInfoEmails(infoEmails);
        if (changed || switched) {
            audit.record("USER_EMAIL_CHANGED", "User", user.getUsername(), (address == null ? "e-mail removed"
                    : "e-mail set") + "; information e-mails " + (infoEmails ? "on" : "off") + " (by the user)");
        }
        return UserSummary.of(user);
    }

    /** The longest address accepted (RFC 5321's limit on a path). */
    public static final int MAX_EMAIL = 254;

    private static @Nullable String validEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip();
        if (address.length() > MAX_EMAIL) {
            throw new DomainException("email", "An e-mail address has at most " + MAX_EMAIL + " characters");
        }
        if (!address.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            throw new DomainException("email", "Give an e-mail address such as name@example.com");
        }
        return address;
    }

    private AppUser signedIn() {
        String name = CurrentActor.username();
        return users.findByUsername(name).orElseThrow(() -> new NotFoundException("User", name));
    }

    /** Names no user may take: "system" is what the audit trail writes for the application's own actions. */
    static final Set<String> RESERVED_USERNAMES = Set.of(SystemActor.NAME, "anonymous",
            "anonymoususer");

    @Transactional(readOnly = true)
    public Page<UserSummary> find(@Nullable String text, @Nullable String role, Pageable pageable) {
        return users.findAll(filter(text, role), pageable).map(UserSummary::of);
    }

    @Transactional(readOnly = true)
    public long count(@Nullable String text, @Nullable String role) {
        return users.count(filter(text, role));
    }

    @Transactional(readOnly = true)
    public UserSummary get(long id) {
        return UserSummary.of(load(id));
    }

    @Transactional
    public UserSummary create(@Valid NewUser request) {
        String username = request.username().strip().toLowerCase(Locale.ROOT);
        if (RESERVED_USERNAMES.contains(username)) {
            throw new DomainException("username", "The username '" + username + "' is reserved: the audit trail"
                    + " uses it for the application itself");
        }
        if (users.existsByUsername(username)) {
            throw new DomainException("username", "The username '" + username + "' is taken");
        }
        checkPassword(request.password());
        AppUser user = new AppUser(username, request.displayName().strip(), passwordEncoder.encode(request.password()),
                request.role(), storeFor(request.role(), request.storeCode()), clock.instant());
        users.save(user);
        audit.record("USER_CREATED", "User", username, describe(user));
        return UserSummary.of(user);
    }

    @Transactional
    public UserSummary changeRole(long id, String role, @Nullable String storeCode) {
        AppUser user = load(id);
        String before = describe(user);
        if (AppRoles.INCIDENT_MANAGER.equals(user.getRole()) && !AppRoles.INCIDENT_MANAGER.equals(role)) {
            requireAnotherActiveIncidentManager(user, "take the incident manager role from");
        }
        user.assign(role, storeFor(role, storeCode));
        credentials.evict(user.getUsername());
        audit.record("USER_ROLE_CHANGED", "User", user.getUsername(), before + " -> " + describe(user));
        return UserSummary.of(user);
    }

    @Transactional
    public UserSummary rename(long id, String displayName) {
        if (displayName == null || displayName.isBlank() || Text.length(displayName) > 200) {
            throw new DomainException("displayName", "The name must have 1 to 200 characters");
        }
        AppUser user = load(id);
        String before = user.getDisplayName();
        user.rename(displayName.strip());
        audit.record("USER_RENAMED", "User", user.getUsername(), before + " -> " + user.getDisplayName());
        return UserSummary.of(user);
    }

    @Transactional
    public UserSummary disable(long id) {
        AppUser user = load(id);
        if (!user.isEnabled()) {
            return UserSummary.of(user);
        }
        if (AppRoles.INCIDENT_MANAGER.equals(user.getRole())) {
            requireAnotherActiveIncidentManager(user, "disable");
        }
        user.disable();
        credentials.evict(user.getUsername());
        audit.record("USER_DISABLED", "User", user.getUsername(), "enabled -> disabled");
        return UserSummary.of(user);
    }

    @Transactional
    public UserSummary enable(long id) {
        AppUser user = load(id);
        if (!user.isEnabled()) {
            user.enable();
            audit.record("USER_ENABLED", "User", user.getUsername(), "disabled -> enabled");
        }
        return UserSummary.of(user);
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        AppUser user = load(id);
        checkPassword(newPassword);
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        credentials.evict(user.getUsername());
        audit.record("USER_PASSWORD_RESET", "User", user.getUsername(), "password reset by " + CurrentActor.username());
    }

    private void requireAnotherActiveIncidentManager(AppUser user, String what) {
        List<AppUser> active = users.lockActiveIncidentManagers();
        boolean someoneElse = active.stream().anyMatch(u -> !u.equals(user));
        if (!someoneElse) {
            throw DomainException.conflict("You cannot " + what + " " + user.getUsername()
                    + ": they are the last active incident manager. Create or enable another incident manager first.");
        }
    }

    void checkPassword(@Nullable String password) {
        if (password == null || Text.length(password) < properties.minPasswordLength()) {
            throw new DomainException("password",
                    "The password must have at least " + properties.minPasswordLength() + " characters");
        }
        // bcrypt reads at most 72 bytes: a longer password would be cut without a word
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new DomainException("password", "The password must have at most 72 bytes (72 letters without"
                    + " accents)");
        }
        if (properties.rejectCommonPasswords() && CommonPasswords.contains(password)) {
            throw new DomainException("password", "This password is on a list of common passwords: choose another");
        }
    }

    private @Nullable Store storeFor(String role, @Nullable String storeCode) {
        if (!AppRoles.STORE_MANAGER.equals(role)) {
            if (storeCode != null && !storeCode.isBlank()) {
                throw new DomainException("storeCode", "Only store managers are bound to a store");
            }
            return null;
        }
        if (storeCode == null || storeCode.isBlank()) {
            throw new DomainException("storeCode", "A store manager must be bound to a store");
        }
        return catalog.findStore(storeCode.strip())
                .orElseThrow(() -> new DomainException("storeCode", "There is no store " + storeCode));
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    private static String describe(AppUser u) {
        return u.getUsername() + " (" + u.getRole() + (u.getStore() == null ? "" : ", store " + u.getStore().getCode())
                + (u.isEnabled() ? "" : ", disabled") + ")";
    }

    private static Specification<AppUser> filter(@Nullable String text, @Nullable String role) {
        Specification<AppUser> spec = Specification.unrestricted();
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
            spec = spec.and((r, q, cb) -> cb.or(cb.like(cb.lower(r.get("username")), like),
                    cb.like(cb.lower(r.get("displayName")), like)));
        }
        if (role != null && !role.isBlank()) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("role"), role));
        }
        return spec;
    }
}
