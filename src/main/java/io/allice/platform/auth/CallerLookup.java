package io.allice.platform.auth;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.allice.platform.shared.security.AccountLookup;
import io.allice.platform.shared.security.AuthenticatedUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the caller of each authenticated request for the security filter chain, and contacts for other areas. */
@Component
class CallerLookup implements AccountLookup, UserDirectory {

    private final UserAccountRepository accounts;

    CallerLookup(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> findById(long userId) {
        return accounts.findCallerById(userId)
                .map(row -> new AuthenticatedUser(row.id(), row.username(), row.toRole()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserContact> findContact(long userId) {
        return accounts.findById(userId)
                .map(account -> new UserContact(account.id(), account.username(), account.email()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> findUsernames(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return accounts.findUsernames(userIds).stream()
                .collect(Collectors.toMap(UserAccountRepository.UsernameRow::id, UserAccountRepository.UsernameRow::username));
    }
}
