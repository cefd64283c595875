package org.outagedesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, with an in-memory database holding the sample scenario. Every test that
 * uses exactly this annotation shares one application context (Spring caches it), so the scenario loads once.
 * Tests share the data: create what you change with unique names, and put back what you must change.
 * The clock is a {@link TestClock} (the system clock unless a test moves it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClock.Config.class)
public @interface IntegrationTest {
}
