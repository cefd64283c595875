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
        return compile(template).render(values);
    }

    /** The template split once into its text and its placeholders, to render it for many subscribers. */
    static Compiled compile(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int from = 0;
        while (m.find()) {
            texts.add(template.substring(from, m.start()));
            names.add(m.group(1));
            from = m.end();
        }
        texts.add(template.substring(from));
        return new Compiled(texts.toArray(String[]::new), names.toArray(String[]::new), template.length());
    }

    /**
     * {@code texts[0] values[names[0]] texts[1] ... texts[n]}: what {@link #render(String, Map)} gives, in one pass
     * (a value holding a placeholder's name stays as it is).
     */
    record Compiled(String[] texts, String[] names, int length) {

        String render(Map<String, String> values) {
            StringBuilder out = new StringBuilder(length + 64);
            for (int k = 0; k < names.length; k++) {
                out.append(texts[k]).append(values.getOrDefault(names[k], ""));
            }
            return out.append(texts[names.length]).toString();
        }
    }
}
