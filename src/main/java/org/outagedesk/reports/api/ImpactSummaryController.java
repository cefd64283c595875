package org.outagedesk.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.outagedesk.base.AppRoles;
import org.outagedesk.reports.ImpactSummary;
import org.outagedesk.reports.ImpactSummaryService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The executive dashboard's figures on the API; {@link ImpactSummaryService} computes them for both. */
@RestController
@PreAuthorize("hasAnyRole('" + AppRoles.EXECUTIVE + "','" + AppRoles.INCIDENT_MANAGER + "')")
@Tag(name = "Impact summary", description = "Key figures of an incident for executives and incident managers")
class ImpactSummaryController {

    private final ImpactSummaryService summaries;

    ImpactSummaryController(ImpactSummaryService summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/api/incidents/{id}/summary")
    @Operation(summary = "Key figures of an incident",
            description = "Affected subscribers by status and region, share contacted, credits issued, pending and"
                    + " reversed with the total cost and the split by reason code, active stop-sale holds with"
                    + " acknowledgement compliance and overdue stores, sale violations, and the incident's times"
                    + " (seconds since start, to detect, to resolve; null until reached). Computed with aggregate"
                    + " queries when asked; `asOf` says when.")
    ImpactSummary summary(@PathVariable long id) {
        return summaries.summarize(id);
    }
}
