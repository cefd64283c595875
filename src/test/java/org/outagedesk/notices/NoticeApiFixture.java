package org.outagedesk.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.outagedesk.Api;
import org.outagedesk.TestClock;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.outbox.SmscSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the tests of customer notices over the API share: a new incident each, the two incident managers, a notice's
 * JSON, and the simulator's settings put back after each test.
 */
abstract class NoticeApiFixture {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SmscSimulator smsc;
    @Autowired
    GreenMail mail;
    @Autowired
    TestClock clock;

    long incident;
    SmscSimulator.Settings before;

    @BeforeEach
    void setUp() {
        incident = NoticeTestSupport.newIncident(incidents);
        before = smsc.settings();
    }

    @AfterEach
    void putBack() throws Exception {
        clock.reset();
        smsc.configure(before);
        smsc.start();
    }

    Api manager() {
        return Api.as(port, "manager");
    }

    Api manager2() {
        return Api.as(port, "manager2");
    }

    String notice(String channels, boolean fallback, String sms, boolean urgent) {
        return "{\"incidentId\":" + incident + ",\"name\":\"Test notice\",\"filter\":{\"status\":[\"LOST\"]},"
                + "\"channels\":" + channels + ",\"fallback\":" + fallback + ",\"sms\":" + quote(sms)
                + ",\"emailSubject\":\"About your {categories}\",\"emailBody\":\"Dear {name},\\n\\n{statusText}."
                + " Credit: {credit}. <b>Details</b>: {advisoryUrl}\",\"urgent\":" + urgent + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    long create(String body) {
        Api.Response r = manager().post("/api/notices", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("DRAFT");
        return r.json().get("id").asLong();
    }

    JsonNode get(long id) {
        return manager().get("/api/notices/" + id).json();
    }

    long count(long id, String status) {
        return get(id).get("counts").get(status).asLong();
    }

    void approve(long id) {
        assertThat(manager().post("/api/notices/" + id + "/submit", null).status()).isEqualTo(200);
        Api.Response r = manager2().post("/api/notices/" + id + "/approve", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
