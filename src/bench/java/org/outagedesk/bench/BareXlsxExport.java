package org.outagedesk.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The export baseline: bare POI SXSSF writing the same rows and columns as the affected-subscribers export straight
 * from a JDBC result set, with no title, no styles beyond date and money, no audit, no HTTP. Run in its own JVM with
 * the same heap as the application ({@code -Xmx256m}); timed after a connection is open and a first export of
 * 20,000 rows has warmed it up, as the application is warm; prints {@code BARE <ms> <highest heap use> <rows>}.
 */
public final class BareXlsxExport {

    private BareXlsxExport() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long incidentId = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            // as the application is when it exports: connected, and its code compiled by a first, smaller export
            export(c, incidentId, out, 20_000);
            HeapSampler heap = HeapSampler.here();
            long t0 = System.nanoTime();
            long rows = export(c, incidentId, out, Long.MAX_VALUE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            heap.close();
            System.out.println("BARE " + ms + " " + heap.max() + " " + rows);
        }
    }

    private static long export(Connection c, long incidentId, Path out, long limit) throws Exception {
        long rows = 0;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
                OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet("Affected subscribers");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            String[] header = {"MSISDN", "Account", "Name", "SKU", "Store", "Region", "Status", "Categories",
                "Last contacted", "Credits total (USD)"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            try (PreparedStatement ps = c.prepareStatement("select s.msisdn, s.account_number, s.name, s.sku_code,"
                    + " s.store_code, s.region, i.status, i.cat_contacts, i.cat_photos, i.cat_email, i.cat_sms,"
                    + " i.cat_calendar, i.cat_todo, i.last_contacted_at, (select coalesce(sum(c.amount), 0)"
                    + " from credit c where c.subscriber_id = i.subscriber_id and c.incident_id = i.incident_id"
                    + " and c.status in ('ISSUED','PENDING_APPROVAL','REVERSED')) credits"
                    + " from impact i join subscriber s on s.id = i.subscriber_id where i.incident_id = ?"
                    + " order by i.incident_id, i.subscriber_id")) {
                ps.setFetchSize(1000);
                ps.setLong(1, incidentId);
                String[] cats = {"CONTACTS", "PHOTOS", "EMAIL", "SMS", "CALENDAR", "TODO"};
                try (ResultSet rs = ps.executeQuery()) {
                    StringBuilder categories = new StringBuilder();
                    while (rows < limit && rs.next()) {
                        Row r = sheet.createRow((int) ++rows);
                        for (int i = 0; i < 7; i++) {
                            r.createCell(i).setCellValue(rs.getString(i + 1));
                        }
                        categories.setLength(0);
                        for (int k = 0; k < cats.length; k++) {
                            if (rs.getBoolean(8 + k)) {
                                categories.append(categories.isEmpty() ? "" : ", ").append(cats[k]);
                            }
                        }
                        r.createCell(7).setCellValue(categories.toString());
                        OffsetDateTime contacted = rs.getObject(14, OffsetDateTime.class);
                        if (contacted != null) {
                            var cell = r.createCell(8);
                            cell.setCellValue(contacted.toLocalDateTime());
                            cell.setCellStyle(date);
                        }
                        var credits = r.createCell(9);
                        credits.setCellValue(rs.getBigDecimal(15).doubleValue());
                        credits.setCellStyle(money);
                    }
                }
            }
            wb.write(file);
        }
        return rows;
    }
}
