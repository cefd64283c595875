package org.outagedesk.base;

import org.jspecify.annotations.Nullable;

/**
 * What every feature may know of the signed-in user. The security feature's principal implements it, so that the
 * shell and the services read the user without depending on how users are stored.
 */
public interface UserIdentity {

    String getUsername();

    String displayName();

    /** One of {@link AppRoles}. */
    String role();

    /** The store a store manager is bound to; null for every other role. */
    @Nullable String storeCode();
}
