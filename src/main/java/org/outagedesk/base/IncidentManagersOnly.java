package org.outagedesk.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Only incident managers may call this: the rule most of Outage Desk's changes share (placing holds, running
 * campaigns, managing the catalog and the users...), named once (issue 18) instead of a {@code hasRole} string copied
 * into every service and controller. Spring's method security reads it as the {@link PreAuthorize} it carries.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(IncidentManagersOnly.RULE)
public @interface IncidentManagersOnly {

    /** The rule itself, for a screen that asks whether to offer what it guards ({@link CurrentActor#allows}). */
    String RULE = "hasRole('" + AppRoles.INCIDENT_MANAGER + "')";
}
