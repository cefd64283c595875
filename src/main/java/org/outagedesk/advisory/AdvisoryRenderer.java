package org.outagedesk.advisory;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders the advisory's pages and feed from the Mustache templates under {@code templates/advisory/}. Mustache
 * escapes every value ({@code {{value}}}; the templates use no triple braces), so a text typed into the timeline is
 * shown as text; HTML's escapes are valid XML, so the Atom feed is escaped the same way.
 */
final class AdvisoryRenderer {

    private final Template index;
    private final Template one;
    private final Template notFound;
    private final Template feed;

    AdvisoryRenderer() {
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).withLoader(name ->
                new InputStreamReader(resource("templates/" + name + ".mustache"), StandardCharsets.UTF_8));
        this.index = compiler.compile(text("templates/advisory/index.mustache"));
        this.one = compiler.compile(text("templates/advisory/one.mustache"));
        this.notFound = compiler.compile(text("templates/advisory/notfound.mustache"));
        this.feed = compiler.compile(text("templates/advisory/feed.mustache"));
    }

    String index(AdvisoryModel model) {
        Map<String, Object> context = new HashMap<>();
        context.put("open", model.open());
        context.put("resolved", model.resolved());
        context.put("hasResolved", !model.resolved().isEmpty());
        return index.execute(context);
    }

    String incident(AdvisoryModel.PublicIncident incident) {
        return one.execute(Map.of("incident", incident));
    }

    String notFound() {
        return notFound.execute(Map.of());
    }

    String feed(AdvisoryModel model) {
        return feed.execute(Map.of("feed", model.feed(), "updated", model.feedUpdated()));
    }

    static byte[] bytes(String resource) {
        try (InputStream in = resource(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static InputStream resource(String name) {
        @Nullable InputStream in = AdvisoryRenderer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing template " + name);
        }
        return in;
    }
}
