package io.allice.platform.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.auth.AccountRequests.Login;
import io.allice.platform.auth.AccountRequests.Register;
import io.allice.platform.auth.AccountResponses.TokenView;
import io.allice.platform.auth.AccountResponses.UserView;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.security.AccessEnded;
import io.allice.platform.shared.security.AccessTokens;
import io.allice.platform.shared.security.AccessTokens.IssuedToken;
import io.allice.platform.shared.security.Role;
import io.allice.platform.shared.security.TokenRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/** Registers accounts, signs them in and out, and deletes them. */
@Service
class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    /** BCrypt reads only the first 72 bytes of a password, so longer ones are rejected. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AccessTokens accessTokens;
    private final TokenRevocations revocations;
    private final LoginThrottle throttle;
    private final LoginThrottleProperties throttleLimits;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /**
     * The hash compared against when the account does not exist, so both cases take as long.
     * Encoded on the first login rather than at start-up, where it was one of the slowest steps.
     */
    private final SingletonSupplier<String> unknownAccountHash;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AccessTokens accessTokens,
            TokenRevocations revocations, LoginThrottle throttle, LoginThrottleProperties throttleLimits,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.throttle = throttle;
        this.throttleLimits = throttleLimits;
        this.events = events;
        this.clock = clock;
        this.unknownAccountHash = SingletonSupplier.of(() -> passwordEncoder.encode("no account has this password"));
    }

    @Transactional
    TokenView register(Register request) {
        requireStorablePassword(request.password());
        if (accounts.existsByUsernameKey(UserAccount.normalize(request.username()))) {
            throw ApiException.conflict("The username '" + request.username() + "' is already taken");
        }
        if (accounts.existsByEmailKey(UserAccount.normalize(request.email()))) {
            throw ApiException.conflict("An account with this e-mail address already exists");
        }
        UserAccount account = createAccount(request.username(), request.email(), request.password(), Role.USER);
        log.info("Registered user {} ({})", account.id(), account.username());
        return tokenFor(account);
    }

    UserAccount createAccount(String username, String email, String password, Role role) {
        UserAccount account = new UserAccount(username.trim(), email.trim(), passwordEncoder.encode(password), role,
                clock.instant());
        try {
            return accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException raced) {
            throw ApiException.conflict("The username or e-mail address is already taken");
        }
    }

    @Transactional(readOnly = true)
    TokenView login(Login request, String clientAddress) {
        // Before the lookup, so the first login pays the encoding whether the account exists or not.
        String unknownHash = unknownAccountHash.obtain();
        Optional<UserAccount> account = findByUsernameOrEmail(request.username());
        // An existing account counts failures under its username, whether the client sent the
        // username or the e-mail address, so alternating the two gains no extra attempts.
        String accountName = account.map(UserAccount::username).orElse(request.username());
        String accountKey = "account:" + UserAccount.normalize(accountName);
        String addressKey = "address:" + clientAddress;
        long wait = Math.max(throttle.secondsUntilAllowed(accountKey, throttleLimits.maxFailuresPerAccount()),
                throttle.secondsUntilAllowed(addressKey, throttleLimits.maxFailuresPerAddress()));
        if (wait > 0) {
            log.warn("Login for '{}' from {} throttled for {} s", request.username(), clientAddress, wait);
            throw ApiException.tooManyRequests("Too many failed logins. Try again in " + wait + " seconds.", wait);
        }

        boolean passwordMatches = passwordMatches(request.password(),
                account.map(UserAccount::passwordHash).orElse(unknownHash));
        if (account.isEmpty() || !passwordMatches) {
            throttle.recordFailure(accountKey);
            throttle.recordFailure(addressKey);
            log.info("Failed login for '{}' from {}", request.username(), clientAddress);
            // RFC 9110, section 11.6.1, requires a WWW-Authenticate challenge on every 401.
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Incorrect username or password", List.of(),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }

        throttle.reset(accountKey);
        log.info("User {} signed in", account.get().id());
        return tokenFor(account.get());
    }

    void logout(long userId, Jwt token) {
        revocations.revoke(token.getId(), userId, token.getExpiresAt());
        events.publishEvent(AccessEnded.tokenRevoked(token.getId(), userId));
        log.info("User {} signed out token {}", userId, token.getId());
    }

    @Transactional(readOnly = true)
    UserView me(long userId) {
        return accounts.findById(userId).map(UserView::of)
                .orElseThrow(() -> ApiException.notFound("The account no longer exists"));
    }

    @Transactional
    void deleteAccount(long userId, String password) {
        UserAccount account = accounts.findById(userId)
                .orElseThrow(() -> ApiException.notFound("The account no longer exists"));
        if (!passwordMatches(password, account.passwordHash())) {
            throw ApiException.invalidField("password", "is incorrect");
        }
        accounts.delete(account);
        events.publishEvent(new UserDeleted(userId));
        events.publishEvent(AccessEnded.accountDeleted(userId));
        log.info("User {} deleted their account", userId);
    }

    private Optional<UserAccount> findByUsernameOrEmail(String identifier) {
        String key = UserAccount.normalize(identifier);
        return key.contains("@") ? accounts.findByEmailKey(key) : accounts.findByUsernameKey(key);
    }

    private boolean passwordMatches(String raw, String hash) {
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            passwordEncoder.matches("", hash);
            return false;
        }
        return passwordEncoder.matches(raw, hash);
    }

    static void requireStorablePassword(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.invalidField("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
    }

    private TokenView tokenFor(UserAccount account) {
        IssuedToken token = accessTokens.issue(account.id(), account.username());
        return new TokenView(token.value(), "bearer", token.expiresInSeconds(), UserView.of(account));
    }
}
