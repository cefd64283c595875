package org.outagedesk.reports.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.outagedesk.Api;

/** Downloads files from the API as bytes and opens them with POI. */
final class ExportTestSupport {

    private ExportTestSupport() {
    }

    static HttpResponse<byte[]> download(int port, String user, String path) {
        Api api = Api.as(port, user);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> r = client.send(api.request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) { // kept for opening in LibreOffice: see the report of issue 7
                Path dir = Path.of("target", "export-samples");
                Files.createDirectories(dir);
                String ext = path.contains(".csv") ? ".csv" : ".xlsx";
                Files.write(dir.resolve(user + "-" + path.replaceAll("[^A-Za-z0-9]+", "_") + ext), r.body());
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static XSSFWorkbook workbook(HttpResponse<byte[]> response) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
