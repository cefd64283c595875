package org.outagedesk.catalog;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.outagedesk.Api;
import tools.jackson.databind.JsonNode;

/** Uploads for the catalog's CSV endpoints, a region and unique codes of a test's own (the tests share one database). */
public final class CatalogTestSupport {

    private CatalogTestSupport() {
    }

    /** A region of the test's own, in Denver time, with an escalation contact, imported by {@code manager}. */
    public static String newRegion(Api manager) {
        String name = "Test Region " + unique();
        Api.Response r = upload(manager, "/api/regions/import", null,
                "name,zone,escalation_name,escalation_email\n" + name + ",America/Denver,Pat Lee,pat@example.com\n");
        if (r.status() != 200) {
            throw new AssertionError("the test region was not imported: " + r.body());
        }
        return name;
    }

    /** An import's errors as "line field: message". */
    public static List<String> errors(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("errors").forEach(e -> out.add(e.get("line").asLong() + " " + e.get("field").asString() + ": "
                + e.get("message").asString()));
        return out;
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
