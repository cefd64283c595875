package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedesk.base.Money;

/**
 * Opens a workbook of the toolkit in LibreOffice (Debian package libreoffice-calc-nogui) and reads every sheet back
 * as CSV: the file opens without repair, dates and money keep their values and a formula-like text stays text (a
 * running HYPERLINK would show "y"). Skipped where LibreOffice is not installed.
 */
class LibreOfficeOpensExportsTest {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @TempDir
    Path dir;

    @Test
    void libreoffice_opens_a_two_sheet_export_and_keeps_a_formula_like_name_as_text() throws Exception {
        assumeTrue(Files.isExecutable(SOFFICE), "LibreOffice is not installed");
        Path xlsx = dir.resolve("subscribers.xlsx");
        try (XlsxReport x = new XlsxReport("Affected subscribers", "all", "agent",
                Instant.parse("2009-10-05T21:30:00Z"), ZoneId.of("America/Los_Angeles"), 4);
                OutputStream out = Files.newOutputStream(xlsx)) {
            TableWriter t = x.table("Subscribers", List.of(Column.text("Name", 20), Column.money("Credits"),
                    Column.dateTime("Last contacted")));
            t.row("=HYPERLINK(\"http://x\",\"y\")", Money.usd("12.50"), Instant.parse("2009-10-05T21:30:00Z"));
            t.row("+15551234567", Money.usd("0.00"), null);
            t.row("@SUM(1,2)", Money.usd("-3.25"), null);
            x.write(out);
        }
        Process p = new ProcessBuilder(SOFFICE.toString(), "--headless",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
                dir.toString(), xlsx.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> first = Files.readAllLines(dir.resolve("subscribers-Subscribers.csv"), StandardCharsets.UTF_8);
        List<String> second = Files.readAllLines(dir.resolve("subscribers-Subscribers (2).csv"),
                StandardCharsets.UTF_8);
        assertThat(first.get(1)).isEqualTo("Name,Credits,Last contacted (America/Los_Angeles)");
        assertThat(first.get(2)).isEqualTo("\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",12.5,2009-10-05 14:30:00");
        assertThat(first.get(3)).startsWith("+15551234567,0");
        assertThat(second.get(1)).isEqualTo(first.get(1));
        assertThat(second.get(2)).isEqualTo("\"@SUM(1,2)\",-3.25,");
    }
}
