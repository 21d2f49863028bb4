package io.allice.platform.auth;

import io.allice.platform.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the configured administrator at start-up when no account has that name. An existing
 * plain account with the name is not promoted: anyone could have registered it first.
 */
@Component
class AdminAccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountBootstrap.class);

    private final AdminAccountProperties admin;
    private final UserAccountRepository accounts;
    private final AccountService accountService;

    AdminAccountBootstrap(AdminAccountProperties admin, UserAccountRepository accounts, AccountService accountService) {
        this.admin = admin;
        this.accounts = accounts;
        this.accountService = accountService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!admin.anySet()) {
            return;
        }
        if (!admin.allSet()) {
            log.warn("No administrator created: set all of ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD");
            return;
        }
        if (!admin.username().matches(AccountRequests.USERNAME_PATTERN)
                || !admin.email().matches(AccountRequests.EMAIL_PATTERN)
                || admin.password().length() < 8) {
            log.warn("No administrator created: ADMIN_USERNAME must be 3 to 50 letters, digits, '_', '.' or '-', "
                    + "ADMIN_EMAIL a valid address and ADMIN_PASSWORD at least 8 characters");
            return;
        }
        var existing = accounts.findByUsernameKey(UserAccount.normalize(admin.username()));
        if (existing.isPresent()) {
            if (existing.get().role() != Role.ADMIN) {
                log.warn("ADMIN_USERNAME '{}' belongs to user {}, who is not an administrator; it was left unchanged",
                        admin.username(), existing.get().id());
            }
            return;
        }
        if (accounts.existsByEmailKey(UserAccount.normalize(admin.email()))) {
            log.warn("No administrator created: another account already uses ADMIN_EMAIL");
            return;
        }
        AccountService.requireStorablePassword(admin.password());
        UserAccount created = accountService.createAccount(admin.username(), admin.email(), admin.password(), Role.ADMIN);
        log.info("Created administrator {} ({})", created.id(), created.username());
    }
}
