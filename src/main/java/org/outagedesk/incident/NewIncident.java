package org.outagedesk.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What it takes to open an incident. {@code referenceZone} is an IANA zone id such as America/Los_Angeles. At most 8
 * affected services of 60 characters each: they are kept joined by commas in a column of 500.
 */
public record NewIncident(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 10000) String description,
        @NotNull Severity severity,
        @NotEmpty @Size(max = 8) List<@NotBlank @Size(max = 60) @Pattern(regexp = "[^,]*", message = "must not contain a comma") String> affectedServices,
        @NotBlank String referenceZone,
        @NotNull Instant startedAt) {
}
