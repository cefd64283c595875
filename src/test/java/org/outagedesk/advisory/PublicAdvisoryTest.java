package org.outagedesk.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.IncidentStatus;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The public advisory (issue 20): stateless, cached, conditional, with its feed, and nothing internal, ever. */
@IntegrationTest
class PublicAdvisoryTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AdvisoryPages pages;
    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;
    @Autowired
    TestClock clock;

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    private HttpResponse<String> get(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sampleIncidentId() {
        return SystemActor.call(() -> incidents.findAll()).stream()
                .filter(i -> SampleIncident.TITLE.equals(i.getTitle())).findFirst().orElseThrow().getId();
    }

    private Incident newIncident(Severity severity, String zone) {
        return SystemActor.call(() -> incidents.create(new NewIncident("Advisory test outage " + UUID.randomUUID(),
                "internal description " + UUID.randomUUID(), severity, List.of("e-mail"), zone,
                clock.instant().minus(Duration.ofHours(2)))));
    }

    private TimelineEntry entry(long incidentId, Visibility visibility, boolean pinned, String text) {
        return SystemActor.call(() -> timeline.add(incidentId, new TimelineEntryDraft(
                TimelineEntryType.CUSTOMER_NOTICE, clock.instant().minus(Duration.ofMinutes(30)), visibility, pinned,
                text)));
    }

    @Test
    void an_anonymous_visit_creates_no_session_and_sets_no_cookie() {
        List<String> paths = List.of("/advisory", "/advisory/" + sampleIncidentId(), "/advisory.atom",
                "/api/public/advisory", "/advisory/style.css", "/advisory/999999999", "/advisory/nothing/here");
        get("/advisory"); // the first visit may render; it must not create a session either
        long before = Sessions.created(context);

        for (int i = 0; i < 3; i++) {
            for (String path : paths) {
                HttpResponse<String> r = get(path);
                assertThat(r.statusCode()).as(path).isIn(200, 404);
                assertThat(r.headers().allValues("Set-Cookie")).as(path + " sets no cookie").isEmpty();
            }
        }

        assertThat(Sessions.created(context)).as("sessions the server created").isEqualTo(before);
    }

    @Test
    void the_pages_may_be_kept_by_caches_and_a_conditional_request_gets_304() {
        for (String path : List.of("/advisory", "/advisory.atom", "/api/public/advisory",
                "/advisory/" + sampleIncidentId())) {
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=30, public");
            assertThat(first.headers().allValues("Pragma")).as(path).isEmpty();
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

            HttpResponse<String> byTag = get(path, "If-None-Match", etag);
            assertThat(byTag.statusCode()).as(path).isEqualTo(304);
            assertThat(byTag.body()).isEmpty();
            assertThat(byTag.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=30, public");
            assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            assertThat(get(path, "If-None-Match", "\"something-else\"").statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void the_advisory_is_rendered_once_per_change_not_per_visitor() {
        Incident incident = newIncident(Severity.SEV2, "America/New_York");
        HttpResponse<String> before = get("/advisory");
        long renders = pages.renders();
        long reads = pages.reads();
        for (int i = 0; i < 20; i++) {
            assertThat(get("/advisory").body()).isEqualTo(before.body());
        }
        assertThat(pages.renders()).as("no rendering per visitor").isEqualTo(renders);
        assertThat(pages.reads()).as("no database read per visitor (at most the 5 s refresh)")
                .isLessThanOrEqualTo(reads + 1);

        String update = "Mail is delayed by an hour " + UUID.randomUUID();
        entry(incident.getId(), Visibility.PUBLIC, false, update);

        HttpResponse<String> after = get("/advisory");
        assertThat(after.body()).as("a change shows at once on this node").contains(update);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(get("/advisory", "If-None-Match", before.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isEqualTo(200);
        get("/advisory.atom");
        get("/api/public/advisory");
        assertThat(pages.renders()).isEqualTo(renders + 1);
    }

    @Test
    void nothing_internal_reaches_the_page_the_incident_page_the_feed_or_the_json() {
        long sample = sampleIncidentId();
        String secret = "INTERNAL-ONLY-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        String publicText = "Public update <script>alert('x')</script> " + marker;
        entry(sample, Visibility.INTERNAL, false, secret);
        entry(sample, Visibility.PUBLIC, false, publicText);
        TimelineEntry retracted = entry(sample, Visibility.PUBLIC, false, "Retracted " + secret);
        SystemActor.run(() -> timeline.retract(retracted.getId(), null, "wrong"));

        for (String path : List.of("/advisory", "/advisory/" + sample, "/advisory.atom", "/api/public/advisory")) {
            String body = get(path).body();
            assertThat(body).as(path).contains("do not reset your Sidekick", marker)
                    .doesNotContain(secret, "retail sales managers", "main and the backup databases",
                            "\"author\"", "manager", "Exception");
            if (!path.startsWith("/api/")) {
                assertThat(body).as(path + " shows text as text").doesNotContain("<script>");
            }
        }
        String page = get("/advisory").body();
        assertThat(page).contains("Public update &lt;script&gt;", "What you should do",
                "Fix in place: we are making sure it holds", "(America/Los_Angeles)")
                .doesNotContain(">MONITORING<", "MONITORING", "CUSTOMER_NOTICE", "SEV1", "<script");
        assertThat(get("/advisory/" + sample).body()).contains("Public update &lt;script&gt;");
    }

    @Test
    void the_feed_is_atom_with_an_id_title_and_updated_time_for_every_public_update() throws Exception {
        long sample = sampleIncidentId();
        String text = "Feed update " + UUID.randomUUID();
        TimelineEntry added = entry(sample, Visibility.PUBLIC, false, text);

        HttpResponse<String> feed = get("/advisory.atom");
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/atom+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                feed.body().getBytes(StandardCharsets.UTF_8)));

        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "id")).startsWith("tag:");
        assertThat(child(root, "title")).isNotBlank();
        Instant.parse(child(root, "updated"));
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isGreaterThan(1);
        Set<String> ids = new HashSet<>();
        List<String> texts = new ArrayList<>();
        Instant previous = Instant.MAX;
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            assertThat(URI.create(child(e, "id")).isAbsolute()).isTrue();
            assertThat(ids.add(child(e, "id"))).as("ids are unique").isTrue();
            assertThat(child(e, "title")).isNotBlank();
            Instant updated = Instant.parse(child(e, "updated"));
            assertThat(updated).as("newest first").isBeforeOrEqualTo(previous);
            previous = updated;
            texts.add(child(e, "content"));
        }
        assertThat(texts).contains(text);
        assertThat(feed.body()).contains("/advisory/" + sample + "#update-" + added.getId());
    }

    private static String child(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(ATOM, name);
        assertThat(found.getLength()).as(name).isPositive();
        return found.item(0).getTextContent();
    }

    @Test
    void each_incident_has_its_own_page_in_its_zone_with_the_next_update_expected_and_stays_once_resolved() {
        clock.fixAt(Instant.parse("2026-03-02T15:00:00Z"));
        Incident incident = newIncident(Severity.SEV2, "America/New_York");
        String update = "We are restoring mail " + UUID.randomUUID();
        entry(incident.getId(), Visibility.PUBLIC, false, update);

        HttpResponse<String> page = get("/advisory/" + incident.getId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body()).contains(incident.getTitle(), update, "Investigating: we are looking into the cause",
                "Started", "Mon, Mar 2, 2026, 8:00 AM EST (America/New_York)",
                "Next update expected", "by Mon, Mar 2, 2026, 1:30 PM EST (America/New_York)");

        SystemActor.run(() -> incidents.changeStatus(incident.getId(), IncidentStatus.RESOLVED, "fixed", null));
        String resolved = get("/advisory/" + incident.getId()).body();
        assertThat(resolved).contains("Resolved", update).doesNotContain("Next update expected");
        assertThat(get("/advisory").body()).contains("Resolved recently", incident.getTitle());
        assertThat(get("/api/public/advisory").body()).doesNotContain(incident.getTitle());
    }

    @Test
    void an_unknown_or_hostile_incident_address_gets_a_plain_not_found_page_that_echoes_nothing() {
        for (String path : List.of("/advisory/987654321", "/advisory/%3Cscript%3E", "/advisory/1" + "9".repeat(40),
                "/advisory/a/b")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("not on the advisory").doesNotContain("script", "99999",
                    "Exception", "vaadin");
            assertThat(r.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }
}
