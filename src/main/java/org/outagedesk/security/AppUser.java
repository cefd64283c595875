package org.outagedesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.DomainException;
import org.outagedesk.catalog.Store;

/** Someone (or some till) who signs in. One role each; a store manager is bound to exactly one store. */
@Entity
@Table(name = "app_user")
public class AppUser extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(nullable = false, length = 32)
    private String role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id")
    private @Nullable Store store;

    @Column(nullable = false)
    private boolean enabled;

    /** Where the team e-mails (update overdue) go; null: none are sent to this user. */
    @Column(length = 254)
    private @Nullable String email;

    /** Whether the e-mails that are for information only reach this user (never the overdue and approval ones). */
    @Column(name = "info_emails", nullable = false)
    private boolean infoEmails = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Raised whenever what a signed-in session may do changes; sessions signed in under an older value end. */
    @Column(name = "credentials_version", nullable = false)
    private int credentialsVersion;

    @Version
    private int version;

    protected AppUser() {
    }

    AppUser(String username, String displayName, String passwordHash, String role, @Nullable Store store,
            Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.enabled = true;
        assign(role, store);
    }

    /** Gives the user a role; the store is required for a store manager and refused for anyone else. */
    void assign(String role, @Nullable Store store) {
        if (!AppRoles.ALL.contains(role)) {
            throw new DomainException("role", "'" + role + "' is not a role; the roles are " + AppRoles.ALL);
        }
        if (AppRoles.STORE_MANAGER.equals(role) && store == null) {
            throw new DomainException("store", "A store manager must be bound to a store");
        }
        if (!AppRoles.STORE_MANAGER.equals(role) && store != null) {
            throw new DomainException("store", "Only store managers are bound to a store");
        }
        boolean changed = this.role != null && (!role.equals(this.role) || !Objects.equals(
                store == null ? null : store.getId(), this.store == null ? null : this.store.getId()));
        this.role = role;
        this.store = store;
        if (changed) {
            credentialsVersion++;
        }
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    void disable() {
        this.enabled = false;
        credentialsVersion++;
    }

    void enable() {
        this.enabled = true;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        credentialsVersion++;
    }

    public int getCredentialsVersion() {
        return credentialsVersion;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getRole() {
        return role;
    }

    public @Nullable Store getStore() {
        return store;
    }

    public @Nullable String getEmail() {
        return email;
    }

    void changeEmail(@Nullable String email) {
        this.email = email;
    }

    public boolean wantsInfoEmails() {
        return infoEmails;
    }

    void switchInfoEmails(boolean on) {
        this.infoEmails = on;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
