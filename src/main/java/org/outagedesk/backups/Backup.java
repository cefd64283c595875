package org.outagedesk.backups;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One backup in the backup folder: the zip H2 wrote, its size, the SHA-256 kept beside it (null when the checksum
 * file is missing: such a file is refused by the restore), when it was taken and the schema version it holds.
 */
public record Backup(String fileName, long sizeBytes, @Nullable String sha256, Instant createdAt,
        String schemaVersion) {
}
