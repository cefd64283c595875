package org.outagedesk.impact;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.outagedesk.Api;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;

/** Helpers for the tests of affected subscribers: own incidents and unique numbers, so tests share the database. */
final class ImpactTestSupport {

    static final String HEADER = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n";
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L * 100);

    private ImpactTestSupport() {
    }

    /** A new incident of its own, started long ago so that it never becomes the console's default incident. */
    static long newIncident(IncidentService incidents, String title) {
        return SystemActor.call(() -> incidents.create(new NewIncident(title + " " + UUID.randomUUID(), "test",
                Severity.SEV3, List.of("test"), "America/Los_Angeles", Instant.parse("2001-01-01T00:00:00Z"))))
                .getId();
    }

    /** A number nobody else uses in this test run: +1 9xx... */
    static String uniqueMsisdn() {
        return "+19" + String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    }

    static String row(String msisdn, String sku, String store, String status, String categories) {
        String tail = msisdn.length() > 6 ? msisdn.substring(msisdn.length() - 6) : "X";
        return msisdn + ",ACC-" + tail + ",Test Person " + tail + "," + sku + ","
                + store + ",true," + status + "," + categories + ",2009-10-01T14:22:05-07:00\n";
    }

    static Api.Response upload(Api api, long incidentId, String mode, byte[] content, String fileName) {
        String boundary = "----od" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = api.request("/api/incidents/" + incidentId + "/impacts/import"
                + (mode == null ? "" : "?mode=" + mode))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return api.send(request);
    }

    static Api.Response upload(Api api, long incidentId, String mode, String csv) {
        return upload(api, incidentId, mode, csv.getBytes(StandardCharsets.UTF_8), "subscribers.csv");
    }
}
