package org.outagedesk.base.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A dialog's validation errors, all of them at once: the dialog checks every field before it asks the service (which
 * stops at the first problem), each message is shown next to its field, and the first field in the form is focused,
 * which scrolls it into view. Add errors in the order the fields appear.
 */
public final class FieldErrors {

    private record Error(Consumer<String> show, @Nullable Focusable<?> focus, String message) {
    }

    private final Map<Object, Error> errors = new LinkedHashMap<>();

    /** Takes the earlier errors off these fields. */
    public static FieldErrors clearing(HasValidation... fields) {
        for (HasValidation f : fields) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
        return new FieldErrors();
    }

    /** An error of {@code field} when {@code wrong}; a field keeps its first error. */
    public FieldErrors check(boolean wrong, HasValidation field, String message) {
        if (wrong) {
            add(field, message);
        }
        return this;
    }

    public FieldErrors add(HasValidation field, String message) {
        errors.putIfAbsent(field, new Error(m -> {
            field.setErrorMessage(m);
            field.setInvalid(true);
        }, field instanceof Focusable<?> f ? f : null, message));
        return this;
    }

    /** An error of a composite field that shows errors its own way. */
    public FieldErrors add(Object field, Consumer<String> show, @Nullable Focusable<?> focus, String message) {
        errors.putIfAbsent(field, new Error(show, focus, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Shows every message next to its field and takes the user to the first. */
    public void show() {
        errors.values().forEach(e -> e.show().accept(e.message()));
        errors.values().stream().map(Error::focus).filter(Objects::nonNull).findFirst()
                .ifPresent(Focusable::focus);
    }
}
