package org.outagedesk.advisory;

import com.samskivert.mustache.Template;
import java.util.HashMap;
import java.util.Map;
import org.outagedesk.base.PageTemplates;

/**
 * Renders the advisory's pages and feed from the Mustache templates under {@code templates/advisory/}
 * ({@link PageTemplates}, which escapes every value, so a text typed into the timeline is shown as text); HTML's
 * escapes are valid XML, so the Atom feed is escaped the same way.
 */
final class AdvisoryRenderer {

    private final Template index;
    private final Template one;
    private final Template notFound;
    private final Template feed;

    AdvisoryRenderer() {
        this.index = PageTemplates.compile("advisory/index");
        this.one = PageTemplates.compile("advisory/one");
        this.notFound = PageTemplates.compile("advisory/notfound");
        this.feed = PageTemplates.compile("advisory/feed");
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
}
