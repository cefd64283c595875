package org.outagedesk.security;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long>, JpaSpecificationExecutor<AppUser> {

    @EntityGraph(attributePaths = "store")
    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Locks the active incident managers, so that two people cannot disable the last two at the same moment. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.role = 'INCIDENT_MANAGER' and u.enabled = true")
    List<AppUser> lockActiveIncidentManagers();

    long countByRoleAndEnabledTrue(String role);

    /** One indexed row, two columns: what every signed-in request checks. */
    @Query("select new org.outagedesk.security.CredentialsStamp(u.credentialsVersion, u.enabled) from AppUser u"
            + " where u.username = :username")
    Optional<CredentialsStamp> findStamp(String username);

    @Query("select u from AppUser u where u.role = 'INCIDENT_MANAGER' and u.enabled = true order by u.username")
    List<AppUser> findActiveIncidentManagers();
}
