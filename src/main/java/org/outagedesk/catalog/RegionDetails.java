package org.outagedesk.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A region as a form, the API and the regions CSV give it ({@code name,zone,escalation_name,escalation_email}):
 * plain text, checked by {@link CatalogRules}. The escalation contact is optional, but both or neither.
 */
public record RegionDetails(@Nullable String name, @Nullable String zone, @Nullable String escalationName,
        @Nullable String escalationEmail) {
}
