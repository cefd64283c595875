package org.outagedesk.catalog;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.outagedesk.Api;

/** Uploads for the catalog's CSV endpoints, and unique codes (the tests share one database). */
public final class CatalogTestSupport {

    private CatalogTestSupport() {
    }

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** POSTs a multipart {@code file} to a path such as {@code /api/stores/import}, with an optional mode. */
    public static Api.Response upload(Api api, String path, @Nullable String mode, byte[] content, String fileName) {
        String boundary = "----od" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = api.request(path + (mode == null ? "" : "?mode=" + mode))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return api.send(request);
    }

    public static Api.Response upload(Api api, String path, @Nullable String mode, String csv) {
        return upload(api, path, mode, csv.getBytes(StandardCharsets.UTF_8), "catalog.csv");
    }
}
