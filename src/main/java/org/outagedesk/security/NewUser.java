package org.outagedesk.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What it takes to create a user. {@code storeCode} only for a store manager. */
public record NewUser(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]+", message = "use lower-case letters, digits, '.', '_' or '-'") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank String role,
        @Nullable String storeCode,
        @NotBlank String password) {
}
