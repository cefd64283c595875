package org.outagedesk.security.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.UserIdentity;
import org.outagedesk.security.UserService;
import org.outagedesk.security.UserSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user (every signed-in role): who they are (from the sign-in alone, no database read: the benchmark's
 * floor), and their own e-mail address and switch.
 */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Users")
@PreAuthorize("isAuthenticated()")
class MeController {

    record Me(String username, List<String> roles, @Nullable String store) {
    }

    record MyEmail(@Nullable String email, @Nullable Boolean infoEmails) {

        static MyEmail of(UserSummary user) {
            return new MyEmail(user.email(), user.infoEmails());
        }
    }

    private final UserService users;

    MeController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Who am I: the signed-in user, their roles and (for a store manager) their store")
    Me me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        String store = authentication.getPrincipal() instanceof UserIdentity id ? id.storeCode() : null;
        return new Me(authentication.getName(), roles, store);
    }

    @GetMapping("/email")
    @Operation(summary = "Your e-mail address and whether the e-mails for information only reach you (infoEmails)")
    MyEmail email() {
        return MyEmail.of(users.me());
    }

    @PutMapping("/email")
    @Operation(summary = "Set your own e-mail address (null or empty: none; at most 254 characters) and switch the "
            + "e-mails for information only on or off (infoEmails, required). The update-overdue and approval "
            + "e-mails of incident managers cannot be switched off")
    MyEmail changeEmail(@RequestBody MyEmail request) {
        if (request.infoEmails() == null) {
            throw new DomainException("infoEmails", "infoEmails is required: true or false");
        }
        return MyEmail.of(users.changeMyEmail(request.email(), request.infoEmails()));
    }
}
