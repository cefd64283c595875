package org.outagedesk.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.UserIdentity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring Security's user plus what the console shows and checks (role, store). */
public class OutageDeskUser extends User implements UserIdentity {

    private final String displayName;
    private final String role;
    private final @Nullable String storeCode;
    private final int credentialsVersion;

    OutageDeskUser(String username, String passwordHash, boolean enabled, String displayName, String role,
            @Nullable String storeCode, int credentialsVersion) {
        super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        this.displayName = displayName;
        this.role = role;
        this.storeCode = storeCode;
        this.credentialsVersion = credentialsVersion;
    }

    /** The user's credentials version when this session signed in (see {@link SessionStillValidFilter}). */
    int credentialsVersion() {
        return credentialsVersion;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public @Nullable String storeCode() {
        return storeCode;
    }
}
