package org.outagedesk.backups;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * {@code restore BACKUP.zip}: puts a backup in place of the database of a stopped instance. In this order, and
 * refusing with a reason at the first check that fails (nothing changed then): the SHA-256 matches the one written
 * beside the backup (or given); the zip holds one H2 database file; the database is not in use; the backup opens and
 * its schema is not newer than this build's migrations. Only then is the current database moved aside, into
 * {@code DIR/replaced-<time>/} (never deleted), and the backup's put in its place. The next start migrates it if
 * it is older, and runs on it.
 */
final class RestoreCommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long MAX_ENTRY_NAME = 255;

    private final PrintStream out;
    private final PrintStream err;

    RestoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Path backup, Path dataDir, @Nullable String givenSha256) {
        Path unpacked = null;
        try {
            if (!Files.isRegularFile(backup) || !Files.isReadable(backup)) {
                return refuse("There is no readable file " + backup + ".");
            }
            String expected = givenSha256 != null ? givenSha256 : BackupFiles.readChecksum(backup);
            if (expected == null) {
                return refuse("There is no checksum for " + backup.getFileName() + ": the file "
                        + BackupFiles.checksumFile(backup).getFileName() + " written beside each backup is missing. "
                        + "Copy it along, or give the SHA-256 you trust with --sha256=HEX.");
            }
            if (!BackupFiles.isSha256(expected)) {
                return refuse("--sha256 must be 64 hexadecimal digits.");
            }
            out.println("Checking the SHA-256 of " + backup + " ...");
            String actual = BackupFiles.sha256(backup);
            if (!actual.equals(expected)) {
                return refuse("The SHA-256 of " + backup.getFileName() + " is " + actual + ", not " + expected
                        + ": the file is damaged or is not the backup that was taken. Nothing was changed.");
            }
            if (H2DataFolder.inUse(dataDir)) {
                return refuse("The database in " + dataDir + " is in use: stop Outage Desk first (and anything "
                        + "else that has it open). Nothing was changed.");
            }
            Files.createDirectories(dataDir);
            String stamp = STAMP.format(Instant.now());
            unpacked = dataDir.resolve("restoring-" + stamp);
            Files.createDirectories(unpacked);
            Optional<String> problem = unpack(backup, unpacked.resolve(H2DataFolder.MV_FILE));
            if (problem.isPresent()) {
                return refuse(problem.get() + " Nothing was changed.");
            }
            MigrationVersion known = SchemaVersions.known();
            Optional<MigrationVersion> held;
            try (Connection c = DriverManager.getConnection(H2DataFolder.url(unpacked) + ";ACCESS_MODE_DATA=r",
                    "sa", "")) {
                held = SchemaVersions.of(c);
            } catch (SQLException e) {
                return refuse("The backup does not open as an H2 database (" + e.getErrorCode() + "). Nothing was "
                        + "changed.");
            }
            if (held.isEmpty()) {
                return refuse("The backup holds no Outage Desk schema (no Flyway history). Nothing was changed.");
            }
            if (held.get().isNewerThan(known)) {
                return refuse("The backup holds schema version " + held.get() + ", newer than this build knows ("
                        + known + "): restore it with the release that took it, or a later one. Nothing was "
                        + "changed.");
            }
            Path current = H2DataFolder.database(dataDir);
            Path aside = null;
            if (Files.exists(current)) {
                aside = dataDir.resolve("replaced-" + stamp);
                Files.createDirectories(aside);
                try (Stream<Path> files = Files.list(dataDir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String name = f.getFileName().toString();
                        if (name.startsWith(H2DataFolder.NAME + ".") && Files.isRegularFile(f)) {
                            Files.move(f, aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                }
            }
            Files.move(unpacked.resolve(H2DataFolder.MV_FILE), current, StandardCopyOption.ATOMIC_MOVE);
            out.println("Restored " + backup.getFileName() + " (schema version " + held.get() + ", SHA-256 "
                    + actual + ") into " + dataDir + ".");
            if (aside != null) {
                out.println("The database it replaced is kept in " + aside + " (delete it yourself once sure).");
            }
            if (known.isNewerThan(held.get())) {
                out.println("The next start migrates it from version " + held.get() + " to " + known + ".");
            }
            out.println("Start Outage Desk as usual: it runs on the restored data.");
            return 0;
        } catch (IOException e) {
            return refuse("The restore failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } finally {
            if (unpacked != null) {
                deleteQuietly(unpacked);
            }
        }
    }

    /** Unpacks the one database file of an H2 backup zip, or says why the zip is not one. */
    private static Optional<String> unpack(Path zip, Path target) throws IOException {
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (found || name.length() > MAX_ENTRY_NAME || name.contains("/") || name.contains("\\")
                        || !name.endsWith(".mv.db")) {
                    return Optional.of("The file is not an Outage Desk backup: it should hold one H2 database file "
                            + "(*.mv.db) and holds '" + Commands.shorten(name) + "'.");
                }
                Files.copy(new NonClosing(in), target, StandardCopyOption.REPLACE_EXISTING);
                found = true;
            }
        } catch (ZipException e) {
            return Optional.of("The file is not a readable zip.");
        }
        return found ? Optional.empty() : Optional.of("The zip holds no database file.");
    }

    private int refuse(String message) {
        err.println("Restore refused: " + message);
        return Commands.REFUSED;
    }

    private void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            err.println("Could not delete " + dir + "; delete it by hand.");
        }
    }

    /** Lets Files.copy read one zip entry without closing the whole zip. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
