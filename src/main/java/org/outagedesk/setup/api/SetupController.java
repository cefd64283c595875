package org.outagedesk.setup.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.setup.SetupService;
import org.outagedesk.setup.SetupStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a new installation still lacks, as the "Getting started" screen lists it. Incident managers. */
@RestController
@Tag(name = "Getting started", description = "What a new installation still lacks")
@IncidentManagersOnly
class SetupController {

    record Setup(boolean complete, List<SetupStep> steps) {
    }

    private final SetupService setup;

    SetupController(SetupService setup) {
        this.setup = setup;
    }

    @GetMapping("/api/setup")
    @Operation(summary = "The steps of a first run (regions, SKUs, stores, a store manager, a second incident"
            + " manager, an incident), each done or not")
    Setup setup() {
        List<SetupStep> steps = setup.steps();
        return new Setup(steps.stream().allMatch(SetupStep::done), steps);
    }
}
