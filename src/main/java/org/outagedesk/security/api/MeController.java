package org.outagedesk.security.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
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

/** The signed-in user: who they are, and their own e-mail address and switch (every signed-in role). */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Users")
@PreAuthorize("isAuthenticated()")
class MeController {

    record Me(String username, String displayName, List<String> roles, @Nullable String store,
            @Nullable String email, boolean infoEmails) {
    }

    record MyEmail(@Nullable String email, @Nullable Boolean infoEmails) {
    }

    private final UserService users;

    MeController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Who am I: the signed-in user, their roles, (for a store manager) their store, their e-mail "
            + "address and whether the e-mails for information only reach them (infoEmails)")
    Me me(Authentication authentication) {
        return me(authentication, users.me());
    }

    @PutMapping
    @Operation(summary = "Set your own e-mail address (null or empty: none; at most 254 characters) and switch the "
            + "e-mails for information only on or off (infoEmails). The update-overdue and approval e-mails of "
            + "incident managers cannot be switched off")
    Me change(Authentication authentication, @RequestBody MyEmail request) {
        if (request.infoEmails() == null) {
            throw new DomainException("infoEmails", "infoEmails is required: true or false");
        }
        return me(authentication, users.changeMyEmail(request.email(), request.infoEmails()));
    }

    private static Me me(Authentication authentication, UserSummary user) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return new Me(user.username(), user.displayName(), roles, user.storeCode(), user.email(),
                user.infoEmails());
    }
}
