package org.outagedesk.notices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outagedesk.base.DomainException;

/**
 * A notice's text with placeholders in braces. Only the placeholders below exist; any other is refused, named, when
 * the notice is composed, so that nobody receives "{nmae}".
 */
final class NoticeTemplate {

    static final List<String> PLACEHOLDERS = List.of("name", "categories", "statusText", "credit", "advisoryUrl");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]{0,40})}");

    private NoticeTemplate() {
    }

    /** Refuses unknown placeholders and unbalanced braces, naming them and the field. */
    static void validate(String field, String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1)) && !unknown.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        if (!unknown.isEmpty()) {
            String names = String.join(", ", unknown.stream().map(u -> "{" + (u.length() > 40 ? u.substring(0, 40)
                    : u) + "}").toList());
            throw new DomainException(field, "Unknown placeholder " + names + ": use "
                    + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
        }
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new DomainException(field, "A brace is not closed: write placeholders as {name}");
        }
    }

    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
