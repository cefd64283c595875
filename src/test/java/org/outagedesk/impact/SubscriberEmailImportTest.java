package org.outagedesk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.impact.ImpactTestSupport.uniqueMsisdn;

import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The import's optional email column (issue 13): old files still import; addresses are kept and checked. */
@IntegrationTest
class SubscriberEmailImportTest {

    static final String OLD = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n";
    static final String NEW = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync,email\n";

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcTemplate jdbc;

    String email(String msisdn) {
        return jdbc.queryForObject("select email from subscriber where msisdn = ?", String.class, msisdn);
    }

    static String row(String msisdn, String email) {
        return ImpactTestSupport.row(msisdn, "SK-S3-BLA", "D-NY-UWS-01", "LOST", "PHOTOS").replace("\n", "")
                + "," + email + "\n";
    }

    @Test
    void addresses_in_the_email_column_are_kept_and_an_old_file_without_it_leaves_them_as_they_are() {
        long incident = ImpactTestSupport.newIncident(incidents, "Email import");
        Api manager = Api.as(port, "manager");
        String withMail = uniqueMsisdn();
        String without = uniqueMsisdn();
        Api.Response r = ImpactTestSupport.upload(manager, incident, null, NEW + row(withMail, "pat@example.com")
                + row(without, ""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(email(withMail)).isEqualTo("pat@example.com");
        assertThat(email(without)).isNull();

        Api.Response old = ImpactTestSupport.upload(manager, incident, null, OLD
                + ImpactTestSupport.row(withMail, "SK-S3-BLA", "D-NY-UWS-01", "RECOVERED", "PHOTOS"));
        assertThat(old.status()).as(old.body()).isEqualTo(200);
        assertThat(email(withMail)).isEqualTo("pat@example.com");
    }

    @Test
    void a_malformed_address_is_refused_with_its_line_and_field() {
        long incident = ImpactTestSupport.newIncident(incidents, "Email import");
        Api.Response r = ImpactTestSupport.upload(Api.as(port, "manager"), incident, null, NEW
                + row(uniqueMsisdn(), "not-an-address"));
        assertThat(r.body()).contains("email").contains("is not an e-mail address");
        assertThat(r.json().toString()).contains("\"line\":2");
    }
}
