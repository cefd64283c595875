package org.outagedesk.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Users come from the database; a disabled user cannot sign in. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    DatabaseUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        return new OutageDeskUser(user.getUsername(), user.getPasswordHash(), user.isEnabled(), user.getDisplayName(),
                user.getRole(), user.getStore() == null ? null : user.getStore().getCode(), user.getCredentialsVersion());
    }
}
