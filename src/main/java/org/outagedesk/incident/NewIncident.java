package org.outagedesk.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What it takes to open an incident. {@code referenceZone} is an IANA zone id such as America/Los_Angeles. */
public record NewIncident(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 10000) String description,
        @NotNull Severity severity,
        @NotEmpty List<@NotBlank String> affectedServices,
        @NotBlank String referenceZone,
        @NotNull Instant startedAt) {
}
