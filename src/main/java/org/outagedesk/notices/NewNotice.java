package org.outagedesk.notices;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.impact.ImpactFilter;

/**
 * A notice to compose. {@code channels} any of SMS and EMAIL; with both and {@code fallback} true, a subscriber is
 * texted, or e-mailed when they cannot be texted (opted out). Templates use {name}, {categories}, {statusText},
 * {credit} and {advisoryUrl}.
 */
public record NewNotice(@Nullable Long incidentId, @Nullable String name, @Nullable ImpactFilter filter,
        @Nullable List<String> channels, @Nullable Boolean fallback, @Nullable String sms,
        @Nullable String emailSubject, @Nullable String emailBody, @Nullable Boolean urgent) {
}
