package org.outagedesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.outagedesk.base.CurrentActor;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.outagedesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule views_and_controllers_never_touch_repositories = noClasses()
            .that().areAssignableTo(Component.class).or().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .because("views and controllers talk to their feature's service, which owns transactions and role checks");

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles = slices().matching("org.outagedesk.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule every_route_states_its_access = classes().that().areAnnotatedWith(Route.class)
            .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
            .orShould().beAnnotatedWith(AnonymousAllowed.class).orShould().beAnnotatedWith(DenyAll.class)
            .because("nothing is reachable by accident");

    @ArchTest
    static final ArchRule every_controller_states_its_access = classes().that().areAnnotatedWith(RestController.class)
            .should(stateAccessOnClassOrEveryEndpoint())
            .because("the API is protected like the screens: every endpoint says who may call it");

    @ArchTest
    static final ArchRule screens_ask_with_the_services_rules = noClasses().that().resideInAPackage("..ui..")
            .should().callMethod(CurrentActor.class, "hasRole", String.class)
            .because("a screen offers what the service allows: it asks CurrentActor.allows with the service's own rule"
                    + " (issue 18), so the rule is written once");

    @ArchTest
    static final ArchRule repositories_stay_inside_their_feature = classes().that().areAssignableTo(Repository.class)
            .and().areInterfaces().should().notBePublic()
            .because("other features use a feature's service, not its tables");

    private static ArchCondition<JavaClass> stateAccessOnClassOrEveryEndpoint() {
        return new ArchCondition<>("declare @PreAuthorize on the class or on every public method") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                // directly or through a meta-annotation such as @IncidentManagersOnly
                if (controller.isAnnotatedWith(PreAuthorize.class)
                        || controller.isMetaAnnotatedWith(PreAuthorize.class)) {
                    return;
                }
                controller.getMethods().stream()
                        .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC)
                                || m.isAnnotatedWith(RequestMapping.class)
                                || m.getAnnotations().stream().anyMatch(a -> a.getRawType().getName()
                                        .startsWith("org.springframework.web.bind.annotation.")
                                        && a.getRawType().getSimpleName().endsWith("Mapping")))
                        .filter(m -> m.getAnnotations().stream().anyMatch(a -> a.getRawType().getSimpleName()
                                .endsWith("Mapping")))
                        .filter(m -> !m.isAnnotatedWith(PreAuthorize.class)
                                && !m.isMetaAnnotatedWith(PreAuthorize.class))
                        .forEach(m -> events.add(SimpleConditionEvent.violated(m,
                                m.getFullName() + " has no @PreAuthorize and its class has none")));
            }
        };
    }
}
