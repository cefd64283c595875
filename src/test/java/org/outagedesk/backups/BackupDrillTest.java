package org.outagedesk.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outagedesk.Api;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogImportMode;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.NewCredit;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The backup drill: the application runs on an H2 file database while two writers add credits and timeline
 * entries; an incident manager takes a backup through the API in the middle of it; the backup is restored into a
 * fresh folder with the restore command and the application started on it. The restored database must be exactly
 * the source as it was at one moment during the backup: every write that had committed when the backup began is
 * there, none begun after it ended is, what is there is a prefix of each writer's writes (with its audit lines), and
 * the counts and sums of money equal the source's at that point.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class BackupDrillTest {

    @BeforeAll
    static void h2Only() {
        TestDatabase.assumeH2("the drill backs up and restores the embedded H2 file (BACKUP TO); PostgreSQL is backed up with its own tools");
    }

    private static final String MANAGER = "drill-chief";
    private static final String PASSWORD = "a drill password nobody guesses 2026";

    @TempDir
    Path root;

    /** One write: what it wrote, and when it began and ended (System.nanoTime). */
    record Write(long id, BigDecimal amount, long began, long ended) {
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        // the prod profile: no 20,000-subscriber sample to load on a file database, the drill brings its own data
        return new SpringApplicationBuilder(OutageDeskApplication.class).run("--spring.profiles.active=prod",
                "--outagedesk.data-dir=" + dataDir, "--outagedesk.backups.dir=" + root.resolve("backups"),
                "--outagedesk.security.admin-username=" + MANAGER, "--outagedesk.security.admin-password=" + PASSWORD,
                "--server.port=0", "--logging.level.root=warn");
    }

    @Test
    void a_backup_taken_while_credits_and_timeline_entries_are_written_restores_to_one_consistent_moment()
            throws Exception {
        Path source = root.resolve("source");
        List<Write> credits = new CopyOnWriteArrayList<>();
        List<Write> entries = new CopyOnWriteArrayList<>();
        long backupBegan;
        long backupEnded;
        long incidentId;
        Map<String, Object> untouched;
        BigDecimal creditsBefore;
        long creditCountBefore;
        long entriesBefore;
        JsonNode answer;
        try (ConfigurableApplicationContext app = start(source)) {
            incidentId = SystemActor.call(() -> prepare(app));

            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            List<String> msisdns = jdbc.queryForList("select s.msisdn from impact i join subscriber s on s.id = "
                    + "i.subscriber_id where i.incident_id = ? order by s.id", String.class, incidentId);
            untouched = untouchedCounts(jdbc);
            creditsBefore = creditSum(jdbc, incidentId);
            creditCountBefore = creditCount(jdbc, incidentId);
            entriesBefore = entryCount(jdbc, incidentId);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            CreditService creditService = app.getBean(CreditService.class);
            TimelineService timeline = app.getBean(TimelineService.class);
            Thread creditWriter = Thread.ofPlatform().start(() -> SystemActor.run(() -> {
                for (int i = 0; i < msisdns.size() && !stop.get() && failed.get() == null; i++) {
                    BigDecimal amount = new BigDecimal(100 + (i * 37) % 900).movePointLeft(2);
                    long began = System.nanoTime();
                    try {
                        long id = creditService.issue(new NewCredit(msisdns.get(i), incidentId, "GOODWILL", amount,
                                "drill " + i), null).credit().id();
                        credits.add(new Write(id, amount, began, System.nanoTime()));
                    } catch (Throwable e) {
                        failed.set(e);
                    }
                }
            }));
            Thread entryWriter = Thread.ofPlatform().start(() -> SystemActor.run(() -> {
                for (int i = 0; !stop.get() && failed.get() == null; i++) {
                    long began = System.nanoTime();
                    try {
                        long id = timeline.add(incidentId, new TimelineEntryDraft(TimelineEntryType.NOTE,
                                Instant.now(), Visibility.INTERNAL, false, "drill entry " + i)).getId();
                        entries.add(new Write(id, BigDecimal.ZERO, began, System.nanoTime()));
                    } catch (Throwable e) {
                        failed.set(e);
                    }
                }
            }));
            awaitWrites(credits, entries, 20, failed);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            backupBegan = System.nanoTime();
            Api.Response response = Api.as(port, MANAGER, PASSWORD).post("/api/backups", null);
            backupEnded = System.nanoTime();
            int creditsAtEnd = credits.size();
            int entriesAtEnd = entries.size();
            awaitWrites(credits, entries, Math.max(creditsAtEnd, entriesAtEnd) + 10, failed);
            stop.set(true);
            creditWriter.join();
            entryWriter.join();
            assertThat(failed.get()).isNull();
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            answer = response.json();
            // the writers went on during and after the backup: it was taken while the application wrote
            assertThat(credits.getLast().began()).isGreaterThan(backupEnded);
            assertThat(entries.getLast().began()).isGreaterThan(backupEnded);
        }

        Path file = root.resolve("backups").resolve(answer.get("file").asString());
        assertThat(file).exists();
        assertThat(answer.get("size").asLong()).isEqualTo(Files.size(file));
        assertThat(answer.get("sha256").asString()).isEqualTo(BackupFiles.sha256(file));
        assertThat(Instant.parse(answer.get("createdAt").asString())).isNotNull();
        assertThat(answer.get("schemaVersion").asString()).isEqualTo(SchemaVersions.known().toString());

        Path restored = root.resolve("restored");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Commands.run(new String[] {"restore", file.toString(), "--outagedesk.data-dir=" + restored},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();

        try (ConfigurableApplicationContext app = start(restored)) {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            List<Long> creditIds = jdbc.queryForList("select id from credit where incident_id = ? and note like "
                    + "'drill %' order by id", Long.class, incidentId);
            List<Long> entryIds = jdbc.queryForList("select id from timeline_entry where incident_id = ? and body "
                    + "like 'drill entry %' order by id", Long.class, incidentId);
            int k = assertPrefix(credits, creditIds, backupBegan, backupEnded);
            int e = assertPrefix(entries, entryIds, backupBegan, backupEnded);

            BigDecimal prefixSum = credits.subList(0, k).stream().map(Write::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(creditCount(jdbc, incidentId)).isEqualTo(creditCountBefore + k);
            assertThat(creditSum(jdbc, incidentId)).isEqualByComparingTo(creditsBefore.add(prefixSum));
            assertThat(entryCount(jdbc, incidentId)).isEqualTo(entriesBefore + e);
            // each credit came with its audit line in the same transaction: the backup holds both or neither
            Long audited = jdbc.queryForObject("select count(*) from audit_entry where action = 'CREDIT_ISSUED' "
                    + "and entity_type = 'Credit' and cast(entity_id as bigint) in (select id from credit where "
                    + "incident_id = ? and note like 'drill %')", Long.class, incidentId);
            assertThat(audited).isEqualTo(k);
            assertThat(untouchedCounts(jdbc)).isEqualTo(untouched);
            // and the restored application works on it: it takes the next backup of its own
            Api.Response next = Api.as(((WebServerApplicationContext) app).getWebServer().getPort(), MANAGER,
                    PASSWORD).get("/api/backups");
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.json().findValuesAsString("file")).contains(file.getFileName().toString());
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Restored " + file.getFileName());
    }

    /** The restored ids are the first k writes; returns k after checking it is bracketed by the backup's times. */
    private static int assertPrefix(List<Write> writes, List<Long> restored, long backupBegan, long backupEnded) {
        int k = restored.size();
        assertThat(restored).containsExactlyElementsOf(writes.subList(0, k).stream().map(Write::id).toList());
        long committedBefore = writes.stream().filter(w -> w.ended() < backupBegan).count();
        long begunAfter = writes.stream().filter(w -> w.began() > backupEnded).count();
        assertThat(k).as("every write committed before the backup began is restored").isGreaterThanOrEqualTo(
                (int) committedBefore);
        assertThat(k).as("no write begun after the backup ended is restored").isLessThanOrEqualTo(
                (int) (writes.size() - begunAfter));
        return k;
    }

    private static long prepare(ConfigurableApplicationContext app) {
        try {
            return prepareData(app);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long prepareData(ConfigurableApplicationContext app) throws IOException {
        CatalogService catalog = app.getBean(CatalogService.class);
        try (InputStream stores = resource("sample-data/stores.csv"); InputStream skus = resource("sample-data/skus.csv");
                InputStream regions = resource("sample-data/regions.csv")) {
            catalog.importRegions(regions, "regions.csv", CatalogImportMode.ALL_OR_NOTHING);
            catalog.importStores(stores, "stores.csv", CatalogImportMode.ALL_OR_NOTHING);
            catalog.importSkus(skus, "skus.csv", CatalogImportMode.ALL_OR_NOTHING);
        }
        long incidentId = app.getBean(IncidentService.class).create(new NewIncident("Backup drill", "A drill",
                Severity.SEV2, List.of("data sync"), "America/Los_Angeles", Instant.now().minusSeconds(3600))).getId();
        List<String> lines = new ArrayList<>();
        try (InputStream in = resource("sample-data/subscribers-2009.csv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(1001).forEach(lines::add);
        }
        byte[] csv = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        ImportResult result = app.getBean(ImpactService.class).importCsv(incidentId,
                new ByteArrayInputStream(csv), csv.length, "drill.csv", ImportMode.ALL_OR_NOTHING);
        assertThat(result.applied()).as(String.valueOf(result.errors())).isTrue();
        return incidentId;
    }

    private static InputStream resource(String name) {
        InputStream in = BackupDrillTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static void awaitWrites(List<Write> credits, List<Write> entries, int atLeast,
            AtomicReference<Throwable> failed) throws InterruptedException {
        waitUpTo(Duration.ofSeconds(180), Duration.ofMillis(5), atLeast + " writes of each kind, or a failure")
                .until(() -> failed.get() != null || (credits.size() >= atLeast && entries.size() >= atLeast));
        assertThat(failed.get()).isNull();
        assertThat(credits.size()).isGreaterThanOrEqualTo(atLeast);
        assertThat(entries.size()).isGreaterThanOrEqualTo(atLeast);
    }

    private static Map<String, Object> untouchedCounts(JdbcTemplate jdbc) {
        return jdbc.queryForMap("select (select count(*) from subscriber) subscribers, (select count(*) from impact) "
                + "impacts, (select count(*) from store) stores, (select count(*) from sku) skus");
    }

    private static BigDecimal creditSum(JdbcTemplate jdbc, long incidentId) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from credit where incident_id = ?",
                BigDecimal.class, incidentId);
    }

    private static long creditCount(JdbcTemplate jdbc, long incidentId) {
        return jdbc.queryForObject("select count(*) from credit where incident_id = ?", Long.class, incidentId);
    }

    private static long entryCount(JdbcTemplate jdbc, long incidentId) {
        return jdbc.queryForObject("select count(*) from timeline_entry where incident_id = ?", Long.class,
                incidentId);
    }
}
