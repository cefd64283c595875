package org.outagedesk.backups;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the nightly backup ({@code outagedesk.backups.schedule}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BackupScheduling {
}
