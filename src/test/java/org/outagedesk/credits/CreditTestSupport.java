package org.outagedesk.credits;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;

/** Own incidents and subscribers for the credit tests, so they share the database with everyone else's. */
final class CreditTestSupport {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L * 100 + 7);

    private CreditTestSupport() {
    }

    static long newIncident(IncidentService incidents) {
        return SystemActor.call(() -> incidents.create(new NewIncident("Credits test " + UUID.randomUUID(), "test",
                Severity.SEV3, List.of("test"), "America/Los_Angeles", Instant.parse("2001-01-01T00:00:00Z"))))
                .getId();
    }

    /** "+18" and 9 digits nobody else uses in this run. */
    static String msisdn() {
        return "+18" + String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    }

    /** One subscriber line: number, data plan, status, categories ("PHOTOS;CONTACTS" or ""). */
    record Sub(String msisdn, boolean dataPlan, String status, String categories) {
        static Sub of(boolean dataPlan, String status, String categories) {
            return new Sub(CreditTestSupport.msisdn(), dataPlan, status, categories);
        }
    }

    static void importSubscribers(ImpactService impacts, long incidentId, List<Sub> subs) {
        StringBuilder csv = new StringBuilder("msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n");
        for (Sub s : subs) {
            String tail = s.msisdn().substring(s.msisdn().length() - 6);
            csv.append(s.msisdn()).append(",ACC-C").append(tail).append(",Credit Person ").append(tail)
                    .append(",SK-LX09-CARBLA,D-NY-UWS-01,").append(s.dataPlan()).append(',').append(s.status())
                    .append(',').append(s.categories()).append(",2009-10-01T14:22:05-07:00\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportResult result = SystemActor.call(() -> impacts.importCsv(incidentId, new ByteArrayInputStream(bytes),
                bytes.length, "credits-test.csv", ImportMode.ALL_OR_NOTHING));
        if (!result.applied()) {
            throw new IllegalStateException("test subscribers refused: " + result.errors());
        }
    }

    static String credit(String msisdn, long incidentId, String reason, String amount) {
        return "{\"msisdn\":\"" + msisdn + "\",\"incidentId\":" + incidentId + ",\"reasonCode\":\"" + reason
                + "\",\"amount\":" + amount + ",\"note\":\"test\"}";
    }
}
