package org.outagedesk.base;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The Mustache templates of the pages served without Vaadin (the public advisory, the sign-in page), read once from
 * {@code templates/} on the class path. One compiler for all: it escapes every value ({@code {{value}}}; the
 * templates use no triple braces), so a text a person typed is shown as text, and it finds partials
 * ({@code {{> advisory/head}}}) under {@code templates/} too. A missing template stops the start, never a request.
 */
public final class PageTemplates {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(true).withLoader(name ->
            new InputStreamReader(resource("templates/" + name + ".mustache"), StandardCharsets.UTF_8));

    private PageTemplates() {
    }

    /** The compiled template {@code templates/<name>.mustache}, for example {@code "advisory/index"}. */
    public static Template compile(String name) {
        return COMPILER.compile(new String(bytes("templates/" + name + ".mustache"), StandardCharsets.UTF_8));
    }

    /** A file of the class path as it is (a style sheet, a static page). */
    public static byte[] bytes(String resource) {
        try (InputStream in = resource(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        @Nullable InputStream in = PageTemplates.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing template " + name);
        }
        return in;
    }
}
