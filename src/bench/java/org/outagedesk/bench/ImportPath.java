package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.bench.BenchContext.ratio;
import static org.outagedesk.bench.BenchContext.thousands;
import static org.outagedesk.bench.BenchContext.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import java.time.Instant;
import java.util.List;
import org.outagedesk.base.SystemActor;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The import path, in this JVM: a CSV of every subscriber into the incident, and its CSVREAD baseline. */
final class ImportPath {

    private final BenchContext ctx;

    ImportPath(BenchContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The import, each run on a fresh database with the sample scenario: a warm-up incident imported and emptied,
     * then the benchmark's incident, beside H2's CSVREAD into a typed table. Leaves the context running and
     * {@link BenchContext#incident} set for the paths after it (also when the import itself is not measured).
     */
    void run(Path csv, Path warmCsv) throws Exception {
        Stats imports = new Stats();
        Stats csvRead = new Stats();
        int importRuns = ctx.paths.contains("import") ? ctx.runs : 1;
        for (int run = 0; run < importRuns; run++) {
            // every import run starts from the same place: a fresh database with the sample scenario
            ctx.freshContext();
            long warm = newIncident("Benchmark warm-up");
            importFile(warm, warmCsv);
            deleteImpacts(warm);
            ctx.incident = newIncident("Benchmark: " + ctx.subscribers + " subscribers");
            Stats target = ctx.paths.contains("import") ? imports : new Stats();
            ImportResult result = target.time(() -> importFile(ctx.incident, csv));
            assertThat(result.applied()).as("import applied: %s", result).isTrue();
            assertThat(result.imported() + result.updated()).isEqualTo(ctx.subscribers);
            ctx.log("import", target);
            if (ctx.paths.contains("import")) {
                csvRead.time(() -> ctx.postgres() ? copyBaseline(csv) : csvReadBaseline(csv));
                ctx.log(ctx.postgres() ? "import baseline COPY" : "import baseline CSVREAD", csvRead);
            }
        }
        if (ctx.paths.contains("import")) {
            double target = ctx.postgres() ? 3 : 4;
            ctx.table.add(new Row("import " + thousands(ctx.subscribers) + " rows (CSV, checked, merged, history)",
                    Unit.MS, imports, csvRead, "≤ " + (int) target + "x", verdict(ratio(imports, csvRead) <= target),
                    ResultTable.mb(imports.peakHeapBytes()) + " (in-process)", ctx.postgres()
                            ? "baseline: PostgreSQL's COPY (the driver's CopyManager) of the file into a typed table"
                                    + " of its shape, primary key on the MSISDN"
                            : "baseline: INSERT ... SELECT from H2's CSVREAD into a typed table of the file's shape,"
                                    + " primary key on the MSISDN"));
        }
    }

    private long newIncident(String title) {
        IncidentService incidents = ctx.bean(IncidentService.class);
        return SystemActor.call(() -> incidents.create(new NewIncident(title, "Benchmark data", Severity.SEV1,
                List.of("Data service"), "America/Los_Angeles", Instant.parse("2009-10-02T13:00:00Z")))).getId();
    }

    private ImportResult importFile(long incidentId, Path file) throws IOException {
        ImpactService impacts = ctx.bean(ImpactService.class);
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return SystemActor.call(() -> impacts.importCsv(incidentId, in, size, file.getFileName().toString(),
                    ImportMode.ALL_OR_NOTHING));
        }
    }

    private void deleteImpacts(long incidentId) {
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        jdbc.update("delete from impact_status_change where incident_id = ?", incidentId);
        jdbc.update("delete from impact where incident_id = ?", incidentId);
    }

    private long copyBaseline(Path csv) throws Exception {
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        jdbc.execute("drop table if exists bench_import");
        jdbc.execute("create table bench_import (msisdn varchar(16) not null primary key,"
                + " account_number varchar(32) not null, name varchar(200) not null, sku_code varchar(64) not null,"
                + " store_code varchar(32) not null, data_plan boolean not null, status varchar(16) not null,"
                + " categories varchar(100), last_sync_at timestamp(6) with time zone, email varchar(254))");
        try (Connection c = ctx.bean(DataSource.class).getConnection(); Reader in = Files.newBufferedReader(csv)) {
            long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_import from stdin with"
                    + " (format csv, header true)", in);
            assertThat(n).isEqualTo(ctx.subscribers);
            return n;
        } finally {
            jdbc.execute("drop table bench_import");
        }
    }

    private long csvReadBaseline(Path csv) {
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        jdbc.execute("drop table if exists bench_import");
        jdbc.execute("create table bench_import (msisdn varchar(16) not null primary key,"
                + " account_number varchar(32) not null, name varchar(200) not null, sku_code varchar(64) not null,"
                + " store_code varchar(32) not null, data_plan boolean not null, status varchar(16) not null,"
                + " categories varchar(100), last_sync_at timestamp(6) with time zone)");
        try {
            int n = jdbc.update("insert into bench_import select msisdn, account, name, sku, store,"
                    + " cast(data_plan as boolean), status, nullif(categories, ''),"
                    + " cast(nullif(last_sync, '') as timestamp(6) with time zone)"
                    + " from csvread('" + csv.toString().replace("'", "''") + "', null, 'charset=UTF-8')");
            assertThat((long) n).isEqualTo(ctx.subscribers);
            return n;
        } finally {
            jdbc.execute("drop table bench_import");
        }
    }
}
