package org.outagedesk.backups;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where backups go and how many stay.
 *
 * @param dir      the backup folder; it belongs on another disk than the data folder (the 2009 outage lost the
 *                 main and the backup copy together)
 * @param keep     how many backups stay; older ones are deleted after each new one
 * @param schedule when the scheduled backup runs, as a Spring cron expression in the server's zone ("-": never)
 */
@ConfigurationProperties("outagedesk.backups")
public record BackupProperties(Path dir, int keep, String schedule) {

    public BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("outagedesk.backups.keep must be at least 1, not " + keep);
        }
        dir = dir.toAbsolutePath().normalize();
    }
}
