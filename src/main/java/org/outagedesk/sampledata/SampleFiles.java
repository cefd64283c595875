package org.outagedesk.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/** The files under {@code sample-data/} (packaged on the class path under the same name). */
public final class SampleFiles {

    public InputStream open(String name) {
        try {
            return new ClassPathResource("sample-data/" + name).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Sample file sample-data/" + name + " is missing", e);
        }
    }

    public Reader reader(String name) {
        return new InputStreamReader(open(name), StandardCharsets.UTF_8);
    }
}
