package io.allice.platform.auth;

import io.allice.platform.auth.AccountRequests.DeleteAccount;
import io.allice.platform.auth.AccountRequests.Login;
import io.allice.platform.auth.AccountRequests.Register;
import io.allice.platform.auth.AccountResponses.Message;
import io.allice.platform.auth.AccountResponses.TokenView;
import io.allice.platform.auth.AccountResponses.UserView;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Authentication")
class AuthController {

    private final AccountService accounts;
    private final ClientAddresses clientAddresses;

    AuthController(AccountService accounts, ClientAddresses clientAddresses) {
        this.accounts = accounts;
        this.clientAddresses = clientAddresses;
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Register a new account and sign it in")
    TokenView register(@Valid @RequestBody Register request) {
        return accounts.register(request);
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Sign in with a username or e-mail address and a password")
    TokenView login(@Valid @RequestBody Login request, HttpServletRequest servletRequest) {
        return accounts.login(request, clientAddresses.resolve(servletRequest));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    UserView me(@AuthenticationPrincipal AuthenticatedUser user) {
        return accounts.me(user.id());
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke the access token this request carries; other tokens stay valid")
    Message logout(@AuthenticationPrincipal AuthenticatedUser user, Authentication authentication) {
        accounts.logout(user.id(), (Jwt) authentication.getCredentials());
        return new Message("Logged out");
    }

    @DeleteMapping(path = "/me", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the signed-in account and everything it owns; needs the password")
    void deleteAccount(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody DeleteAccount request) {
        accounts.deleteAccount(user.id(), request.password());
    }
}
