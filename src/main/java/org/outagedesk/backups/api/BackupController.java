package org.outagedesk.backups.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.backups.Backup;
import org.outagedesk.backups.BackupService;
import org.outagedesk.base.IncidentManagersOnly;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/backups")
@Tag(name = "Backups")
@IncidentManagersOnly
class BackupController {

    record BackupJson(String file, long size, @Nullable String sha256, Instant createdAt, String schemaVersion) {

        static BackupJson of(Backup b) {
            return new BackupJson(b.fileName(), b.sizeBytes(), b.sha256(), b.createdAt(), b.schemaVersion());
        }
    }

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @GetMapping
    @Operation(summary = "The backups in the backup folder, newest first")
    List<BackupJson> list() {
        return backups.list().stream().map(BackupJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Backs the embedded database up now (H2 only; 409 on PostgreSQL, in memory, or while "
            + "another backup runs); answers when the file is written and its SHA-256 computed")
    BackupJson create() {
        return BackupJson.of(backups.backUpNow());
    }
}
