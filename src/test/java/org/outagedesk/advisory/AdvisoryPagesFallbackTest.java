package org.outagedesk.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.outagedesk.incident.TimelineService;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** When the advisory cannot be read, a plain page answers: never the exception's text. */
class AdvisoryPagesFallbackTest {

    @Test
    void a_failure_before_any_page_renders_a_plain_fallback_page_without_the_exceptions_text() {
        TimelineService timeline = mock(TimelineService.class);
        when(timeline.advisoryWithResolvedSince(any())).thenThrow(
                new IllegalStateException("Connection to jdbc:postgresql://db-secret:5432 refused"));
        AdvisoryPages pages = new AdvisoryPages(timeline, JsonMapper.builder().build(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofDays(7),
                Duration.ofSeconds(5));

        for (AdvisoryPages.Page page : new AdvisoryPages.Page[] {pages.index(), pages.feed(), pages.json(),
                pages.incident(1)}) {
            String body = new String(page.body(), StandardCharsets.UTF_8);
            assertThat(page.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(body).contains("cannot be shown right now").doesNotContain("jdbc", "refused", "Exception");
        }
    }
}
