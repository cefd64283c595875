package org.outagedesk.reports.export;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.outagedesk.base.Money;

/**
 * Measures the XLSX toolkit at a million affected-subscriber rows (the export's columns, synthetic values): run with
 * a small heap, e.g. {@code java -Xmx256m -cp target/classes:target/test-classes:<deps>
 * org.outagedesk.reports.export.XlsxMillionRows /tmp/million.xlsx}. Not a unit test: it takes about a minute.
 */
public final class XlsxMillionRows {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/million.xlsx");
        long start = System.nanoTime();
        Instant at = Instant.parse("2009-10-05T21:30:00Z");
        try (XlsxReport x = new XlsxReport("Affected subscribers (benchmark)", "all", "bench", at,
                ZoneId.of("America/Los_Angeles")); OutputStream out = new BufferedOutputStream(
                        Files.newOutputStream(file))) {
            TableWriter t = x.table("Affected subscribers", ImpactExport.COLUMNS);
            for (int i = 0; i < rows; i++) {
                t.row("+1206" + String.format("%07d", i), "ACC-" + i, "Subscriber " + i, "SK-LX09-BLU",
                        "C-WA-SEA-01", "Pacific Northwest", "LOST", "CONTACTS, PHOTOS",
                        i % 3 == 0 ? null : at.plusSeconds(i), Money.usd(i % 7 == 0 ? "25.00" : "0.00"));
            }
            x.write(out);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%d rows in %d ms, file %d bytes, max heap %d MB, used now %d MB%n", rows, ms,
                Files.size(file), rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
