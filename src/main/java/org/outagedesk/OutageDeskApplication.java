package org.outagedesk;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.outagedesk.backups.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Outage Desk: the console a carrier runs while a service outage hurts its customers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/outagedesk.css")
public class OutageDeskApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            // restore / compact: on a stopped instance, before (and instead of) starting the application
            System.exit(Commands.run(args, System.out, System.err, System.getenv()));
        }
        SpringApplication.run(OutageDeskApplication.class, args);
    }
}
