package org.outagedesk.architecture;

import org.junit.jupiter.api.Test;
import org.outagedesk.OutageDeskApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features as Spring Modulith sees them: each top-level package under {@code org.outagedesk} is a module, its
 * top-level package is what the others may use, its sub-packages are its own unless declared a named interface
 * ({@code @NamedInterface} in their package-info). No Spring context: the classes are read, not run.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(OutageDeskApplication.class);

    @Test
    void features_use_each_other_only_through_their_top_level_package_or_a_named_interface() {
        MODULES.verify();
    }

    @Test
    void module_diagrams_are_written_to_target() {
        // target/spring-modulith-docs: a PlantUML diagram of all modules and one per module, plus the module canvases
        new Documenter(MODULES).writeDocumentation();
    }
}
