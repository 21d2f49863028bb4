package io.allice.platform.auth;

import java.time.Instant;
import java.util.Locale;

import io.allice.platform.shared.security.AccountChanged;
import io.allice.platform.shared.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A stored account. The password is kept only as an adaptive hash. A role change publishes
 * {@link AccountChanged} when the repository saves the account, so cached callers are reloaded.
 */
@Entity
@Table(name = "users")
class UserAccount extends AbstractAggregateRoot<UserAccount> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 50)
    private String username;

    @Column(name = "username_key", nullable = false, length = 50)
    private String usernameKey;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "email_key", nullable = false, length = 254)
    private String emailKey;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private StoredRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserAccount() {
    }

    UserAccount(String username, String email, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.usernameKey = normalize(username);
        this.email = email;
        this.emailKey = normalize(email);
        this.passwordHash = passwordHash;
        this.role = StoredRole.of(role);
        this.createdAt = now;
        this.updatedAt = now;
    }

    static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role.toRole();
    }

    Instant createdAt() {
        return createdAt;
    }

    void changePasswordHash(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }

    void changeRole(Role newRole, Instant now) {
        this.role = StoredRole.of(newRole);
        this.updatedAt = now;
        registerEvent(new AccountChanged(id));
    }

    /** The role as the database spells it, in lower case. */
    enum StoredRole {
        user,
        admin;

        static StoredRole of(Role role) {
            return valueOf(role.wireName());
        }

        Role toRole() {
            return Role.fromWireName(name());
        }
    }
}
