package org.outagedesk.security.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.UserIdentity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Users")
@PreAuthorize("isAuthenticated()")
class MeController {

    record Me(String username, List<String> roles, @Nullable String store) {
    }

    @GetMapping
    @Operation(summary = "Who am I: the signed-in user, their roles and (for a store manager) their store")
    Me me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        String store = authentication.getPrincipal() instanceof UserIdentity id ? id.storeCode() : null;
        return new Me(authentication.getName(), roles, store);
    }
}
