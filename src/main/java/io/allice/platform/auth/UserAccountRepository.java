package io.allice.platform.auth;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.allice.platform.shared.security.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsernameKey(String usernameKey);

    Optional<UserAccount> findByEmailKey(String emailKey);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByEmailKey(String emailKey);

    /** The fields a request needs about its caller, without loading the password hash. */
    @Query("select new io.allice.platform.auth.UserAccountRepository$CallerRow(u.id, u.username, u.role) "
            + "from UserAccount u where u.id = :id")
    Optional<CallerRow> findCallerById(Long id);

    @Query("select new io.allice.platform.auth.UserAccountRepository$UsernameRow(u.id, u.username) "
            + "from UserAccount u where u.id in :ids")
    List<UsernameRow> findUsernames(Collection<Long> ids);

    record UsernameRow(Long id, String username) {
    }

    record CallerRow(Long id, String username, UserAccount.StoredRole role) {

        Role toRole() {
            return role.toRole();
        }
    }
}
