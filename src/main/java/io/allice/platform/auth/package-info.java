/**
 * Accounts and sign-in: registration, login with throttling, access tokens and their
 * revocation, and the administrator created at start-up.
 */
@ApplicationModule(displayName = "Accounts")
package io.allice.platform.auth;

import org.springframework.modulith.ApplicationModule;
