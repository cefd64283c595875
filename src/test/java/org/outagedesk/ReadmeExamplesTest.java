package org.outagedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Runs the README's request examples (its {@code http} blocks), in order, against the application, so that the
 * README cannot promise what the API does not do. The format is described in the README's API section.
 */
@IntegrationTest
class ReadmeExamplesTest {

    /** The write endpoints the README must show working, as method and path with its placeholders. */
    private static final Set<String> REQUIRED = Set.of(
            "POST /api/users", "PUT /api/users/{userId}/role", "POST /api/users/{userId}/password",
            "POST /api/users/{userId}/disable", "POST /api/users/{userId}/enable",
            "POST /api/incidents", "POST /api/incidents/{incidentId}/status",
            "PUT /api/incidents/{incidentId}/lifecycle", "POST /api/incidents/{incidentId}/timeline",
            "PUT /api/incidents/{incidentId}/timeline/{entryId}",
            "POST /api/incidents/{incidentId}/timeline/{entryId}/retract",
            "POST /api/incidents/{incidentId}/impacts/import", "PATCH /api/incidents/{incidentId}/impacts/{msisdn}",
            "POST /api/incidents/{incidentId}/impacts/bulk-status/preview",
            "POST /api/incidents/{incidentId}/impacts/bulk-status",
            "POST /api/credits", "POST /api/credits/{pendingId}/approve", "POST /api/credits/{rejectedId}/reject",
            "POST /api/credits/{creditId}/reverse",
            "POST /api/campaigns", "POST /api/campaigns/{campaignId}/dry-run", "POST /api/campaigns/{campaignId}/submit",
            "POST /api/campaigns/{campaignId}/approve", "POST /api/campaigns/{otherCampaignId}/reject",
            "POST /api/campaigns/{campaignId}/tiers/1/top-up", "POST /api/campaigns/{campaignId}/reverse",
            "POST /api/holds", "POST /api/holds/{holdId}/acknowledgements", "POST /api/holds/{holdId}/lift",
            "POST /api/sales", "POST /api/sales/import");

    private static final Pattern FIRST_LINE = Pattern.compile(
            "#\\s*(\\S+)\\s*(?:→|->)\\s*(\\d{3})\\s*(.*)");
    private static final Pattern SAVE = Pattern.compile("\\{(\\w+)}\\s*=\\s*([\\w.]+)");
    private static final Pattern UNTIL = Pattern.compile("until\\s+([\\w.]+)\\s*=\\s*(\\S+)");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9-]*):\\s*(.*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @LocalServerPort
    int port;

    record Example(int line, String user, int status, String rest, String method, String path,
            Map<String, String> headers, String body) {

        String endpoint() {
            return method + " " + path.replaceAll("\\?.*", "");
        }
    }

    static List<Example> examples(String readme) {
        List<Example> examples = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("```http")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (!lines[end].strip().equals("```")) {
                end++;
            }
            Matcher first = FIRST_LINE.matcher(lines[start].strip());
            assertThat(first.matches()).as("README line " + (start + 1) + ": '# user → status'").isTrue();
            String[] request = lines[start + 1].strip().split("\\s+");
            Map<String, String> headers = new LinkedHashMap<>();
            int k = start + 2;
            for (; k < end; k++) {
                Matcher h = HEADER.matcher(lines[k].strip());
                if (!h.matches() || lines[k].strip().startsWith("{")) {
                    break;
                }
                headers.put(h.group(1), h.group(2).strip());
            }
            StringBuilder body = new StringBuilder();
            for (; k < end; k++) {
                if (body.isEmpty() && lines[k].isBlank()) {
                    continue;
                }
                body.append(lines[k]).append('\n');
            }
            examples.add(new Example(start + 1, first.group(1), Integer.parseInt(first.group(2)), first.group(3),
                    request[0], request[1], headers, body.toString().strip()));
            i = end;
        }
        return examples;
    }

    @Test
    void every_request_example_of_the_readme_gets_the_answer_it_promises() throws Exception {
        List<Example> examples = examples(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        Set<String> shown = new TreeSet<>();
        examples.forEach(e -> shown.add(e.endpoint()));
        assertThat(shown).as("the README shows every write endpoint working").containsAll(REQUIRED);

        Map<String, String> values = new HashMap<>();
        values.put("msisdn", "+17" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                1_000_000_000L)));
        values.put("unique", UUID.randomUUID().toString().substring(0, 8));
        for (Example e : examples) {
            run(e, values);
        }
    }

    private void run(Example e, Map<String, String> values) throws InterruptedException {
        String path = fill(e.path(), values, e);
        String body = fill(e.body(), values, e);
        Matcher until = UNTIL.matcher(e.rest());
        // "until field=value" waits for a background job (a campaign run, an import), polling the same request
        boolean waits = until.find(0);
        Api.Response response = waitUpTo(Duration.ofSeconds(120), Duration.ofMillis(50), "README line " + e.line()
                + ": " + (waits ? until.group(0) : "answer")).until(() -> {
                    Api.Response r = send(e, path, body, values);
                    assertThat(r.status()).as("README line " + e.line() + ": " + e.method() + " " + path + " → "
                            + r.body()).isEqualTo(e.status());
                    return r;
                }, r -> !waits || until.group(2).equals(text(r.json(), until.group(1))));
        Matcher save = SAVE.matcher(e.rest());
        while (save.find()) {
            String value = text(response.json(), save.group(2));
            assertThat(value).as("README line " + e.line() + ": " + save.group(0)).isNotNull();
            values.put(save.group(1), value);
        }
    }

    private Api.Response send(Example e, String path, String body, Map<String, String> values) {
        Api api = Api.as(port, e.user());
        HttpRequest.Builder request = api.request(path);
        String type = e.headers().getOrDefault("Content-Type", "application/json");
        e.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                request.header(name, fill(value, values, e));
            }
        });
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type.startsWith("multipart/form-data")) {
            String boundary = "----readme" + UUID.randomUUID();
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file.csv\""
                    + "\r\nContent-Type: text/csv\r\n\r\n" + body + "\n\r\n--" + boundary + "--\r\n";
            bytes = part.getBytes(StandardCharsets.UTF_8);
            type = "multipart/form-data; boundary=" + boundary;
        } else if (type.equals("text/csv")) {
            bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        }
        if (e.method().equals("GET")) {
            return api.send(request.GET());
        }
        request.header("Content-Type", type);
        return api.send(request.method(e.method(), bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private static String fill(String text, Map<String, String> values, Example e) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // JSON objects also use braces: only a {word} with no quote or space inside is a placeholder
            String value = values.get(m.group(1));
            assertThat(value).as("README line " + e.line() + ": no value for {" + m.group(1) + "}").isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(JsonNode json, String path) {
        JsonNode node = json;
        for (String step : path.split("\\.")) {
            node = step.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(step)) : node.get(step);
            if (node == null) {
                return null;
            }
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    @Test
    void the_example_format_is_read_as_the_readme_describes() throws IOException {
        List<Example> parsed = examples("""
                ```http
                # agent → 201, {creditId} = id
                POST /api/credits
                Idempotency-Key: k-{unique}
                {"amount": {"amount": 20.00}}
                ```
                """);
        assertThat(parsed).hasSize(1);
        Example e = parsed.getFirst();
        assertThat(e.user()).isEqualTo("agent");
        assertThat(e.status()).isEqualTo(201);
        assertThat(e.headers()).containsEntry("Idempotency-Key", "k-{unique}");
        assertThat(e.body()).isEqualTo("{\"amount\": {\"amount\": 20.00}}");
    }
}
