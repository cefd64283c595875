package org.outagedesk.reports.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
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
            return client.send(api.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
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
