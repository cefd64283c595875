package org.outagedesk.base.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The field of a request body that JSON binding refused, as {@code fields} of the problem: its path
 * ({@code tiers[0].amount}) and a short message (an enum's allowed values, a value of the wrong type).
 */
final class JsonFields {

    private static final int MAX_VALUE_CHARS = 40;
    private static final int MAX_MESSAGE_CHARS = 300;

    private JsonFields() {
    }

    static @Nullable Map<String, String> of(Throwable ex) {
        JacksonException json = null;
        for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException j) {
                json = j;
                break;
            }
        }
        if (json == null || json.getPath().isEmpty()) {
            return null;
        }
        return Map.of(path(json.getPath()), message(json));
    }

    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(JacksonException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "'" + bounded(String.valueOf(f.getValue())) + "' is not one of "
                    + List.of(f.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null
                && m.getTargetType().getPackageName().startsWith("org.outagedesk")
                && !m.getTargetType().isEnum() && m.getOriginalMessage() != null) {
            return bounded(firstLine(m.getOriginalMessage()), MAX_MESSAGE_CHARS);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + kind(m.getTargetType());
        }
        return "invalid value";
    }

    private static String kind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a value of another shape";
    }

    private static String firstLine(String s) {
        int cut = s.indexOf('\n');
        return cut > 0 ? s.substring(0, cut) : s;
    }

    private static String bounded(String s) {
        return bounded(s, MAX_VALUE_CHARS);
    }

    private static String bounded(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
