package org.outagedesk.security.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.api.PageResponse;
import org.outagedesk.base.api.Paging;
import org.outagedesk.security.NewUser;
import org.outagedesk.security.UserService;
import org.outagedesk.security.UserSummary;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users")
@IncidentManagersOnly
class UserController {

    record RoleChange(@NotBlank String role, @Nullable String storeCode) {
    }

    record PasswordReset(@NotBlank String password) {
    }

    record EmailChange(@Nullable String email) {
    }

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Users, filtered by text (username or name) and role")
    PageResponse<UserSummary> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String role, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(users.find(q, role, Paging.of(page, size, 500, Sort.by("username"))),
                u -> u);
    }

    @GetMapping("/{id}")
    UserSummary get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user; storeCode is required for STORE_MANAGER and refused otherwise")
    UserSummary create(@Valid @RequestBody NewUser request) {
        return users.create(request);
    }

    @PutMapping("/{id}/role")
    UserSummary changeRole(@PathVariable long id, @Valid @RequestBody RoleChange change) {
        return users.changeRole(id, change.role(), change.storeCode());
    }

    @PutMapping("/{id}/email")
    @Operation(summary = "Set a user's e-mail address for the team e-mails (null or empty: none; at most 254 "
            + "characters)")
    UserSummary changeEmail(@PathVariable long id, @RequestBody EmailChange change) {
        return users.changeEmail(id, change.email());
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a user (the last active incident manager cannot be disabled)")
    UserSummary disable(@PathVariable long id) {
        return users.disable(id);
    }

    @PostMapping("/{id}/enable")
    UserSummary enable(@PathVariable long id) {
        return users.enable(id);
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reset a user's password")
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset reset) {
        users.resetPassword(id, reset.password());
    }
}
