package org.outagedesk.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedesk.TestDatabase;

/** {@code java -jar outage-desk.jar restore FILE}: what it refuses, and what it keeps when it restores. */
class RestoreCommandTest {

    @BeforeAll
    static void h2Only() {
        TestDatabase.assumeH2("the restore command puts back a backup of the embedded H2 file; PostgreSQL restores with pg_restore");
    }

    @TempDir
    Path work;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int restore(Path file, Path dataDir, String... more) {
        String[] args = Stream.concat(Stream.of("restore", file.toString(), "--outagedesk.data-dir=" + dataDir),
                Stream.of(more)).toArray(String[]::new);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return Commands.run(args, out, out, Map.of());
    }

    private String said() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_restore_puts_the_backup_in_place_and_keeps_the_database_it_replaces_aside() throws Exception {
        Path data = work.resolve("data");
        H2Fixtures.database(data, "7", "before the restore");
        Path backup = H2Fixtures.backup(work, "5", "from the backup");

        assertThat(restore(backup, data)).as(said()).isZero();

        assertThat(H2Fixtures.marker(data)).isEqualTo("from the backup");
        Path aside;
        try (Stream<Path> files = Files.list(data)) {
            aside = files.filter(f -> f.getFileName().toString().startsWith("replaced-")).findFirst().orElseThrow();
        }
        assertThat(H2Fixtures.marker(aside)).isEqualTo("before the restore");
        assertThat(said()).contains("Restored", aside.toString(), "migrates it from version 5");
    }

    @Test
    void a_restore_into_a_folder_without_a_database_creates_it() throws Exception {
        Path backup = H2Fixtures.backup(work, "5", "fresh");
        Path data = work.resolve("new").resolve("data");
        assertThat(restore(backup, data)).as(said()).isZero();
        assertThat(H2Fixtures.marker(data)).isEqualTo("fresh");
    }

    @Test
    void a_damaged_backup_is_refused_and_nothing_changes() throws Exception {
        Path data = work.resolve("data");
        H2Fixtures.database(data, "7", "kept");
        Path backup = H2Fixtures.backup(work, "5", "damaged");
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(backup, bytes);

        assertThat(restore(backup, data)).isEqualTo(Commands.REFUSED);
        assertThat(said()).contains("SHA-256", "damaged", "Nothing was changed");
        assertThat(H2Fixtures.marker(data)).isEqualTo("kept");
    }

    @Test
    void a_backup_without_its_checksum_is_refused_unless_the_checksum_is_given() throws Exception {
        Path data = work.resolve("data");
        Path backup = H2Fixtures.backup(work, "5", "unchecked");
        String sha = BackupFiles.sha256(backup);
        Files.delete(BackupFiles.checksumFile(backup));

        assertThat(restore(backup, data)).isEqualTo(Commands.REFUSED);
        assertThat(said()).contains("no checksum");
        assertThat(restore(backup, data, "--sha256=" + "0".repeat(64))).isEqualTo(Commands.REFUSED);
        assertThat(restore(backup, data, "--sha256=" + sha)).as(said()).isZero();
    }

    @Test
    void a_backup_from_a_newer_schema_than_this_build_knows_is_refused() throws Exception {
        Path data = work.resolve("data");
        H2Fixtures.database(data, "7", "kept");
        Path backup = H2Fixtures.backup(work, "9999", "from the future");

        assertThat(restore(backup, data)).isEqualTo(Commands.REFUSED);
        assertThat(said()).contains("schema version 9999, newer than this build knows (" + SchemaVersions.known());
        assertThat(H2Fixtures.marker(data)).isEqualTo("kept");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(H2DataFolder.MV_FILE);
        }
    }

    @Test
    void a_database_in_use_is_not_replaced() throws Exception {
        Path data = work.resolve("data");
        H2Fixtures.database(data, "7", "in use");
        Path backup = H2Fixtures.backup(work, "5", "waiting");
        try (Connection open = H2Fixtures.connect(data)) {
            assertThat(restore(backup, data)).isEqualTo(Commands.REFUSED);
            assertThat(said()).contains("in use", "stop Outage Desk first");
        }
        assertThat(H2Fixtures.marker(data)).isEqualTo("in use");
    }

    @Test
    void a_zip_that_is_not_a_backup_is_refused() throws Exception {
        Path data = work.resolve("data");
        Path zip = work.resolve("outagedesk-20091012T193000000Z-v7.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../etc/passwd"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        BackupFiles.writeChecksum(zip, BackupFiles.sha256(zip));
        assertThat(restore(zip, data)).isEqualTo(Commands.REFUSED);
        assertThat(said()).contains("not an Outage Desk backup");
    }

    @Test
    void on_postgresql_the_command_points_to_pg_restore() throws Exception {
        Path backup = H2Fixtures.backup(work, "5", "any");
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        int code = Commands.run(new String[] {"restore", backup.toString()}, out, out,
                Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/od"));
        assertThat(code).isEqualTo(Commands.REFUSED);
        assertThat(said()).contains("pg_restore");
    }
}
