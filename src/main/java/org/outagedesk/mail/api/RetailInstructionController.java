package org.outagedesk.mail.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.mail.RetailInstructionMailer;
import org.outagedesk.mail.RetailInstructionSent;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sending a retail instruction of the timeline to stores by e-mail (incident managers only). */
@RestController
@Tag(name = "Incidents and timeline")
@IncidentManagersOnly
class RetailInstructionController {

    record SendRequest(@Nullable List<String> regions, @Nullable List<String> stores, @Nullable Boolean all) {
    }

    private final RetailInstructionMailer mailer;

    RetailInstructionController(RetailInstructionMailer mailer) {
        this.mailer = mailer;
    }

    @PostMapping("/api/incidents/{id}/timeline/{entryId}/send")
    @Operation(summary = "E-mail a RETAIL_INSTRUCTION entry to every open store of some regions, some stores (codes), "
            + "or all (\"all\": true, then no regions or stores). Each store gets an entry once: sending again to "
            + "the same store adds nothing (alreadySent). With dryRun=true nothing is sent: the same counts are "
            + "answered as a preview. Closed stores are left out (closedSkipped)")
    RetailInstructionSent send(@PathVariable long id, @PathVariable long entryId,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody SendRequest request) {
        return dryRun ? mailer.preview(id, entryId, request.all(), request.regions(), request.stores())
                : mailer.send(id, entryId, request.all(), request.regions(), request.stores());
    }
}
