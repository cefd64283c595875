package org.outagedesk.backups;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code compact}: rewrites the embedded database of a stopped instance with only its live data ({@code SHUTDOWN
 * COMPACT}), for a file that grew (a crashed import leaves its rows' space behind) and did not shrink. H2 writes the
 * compacted copy beside the file and replaces it at the end, so an interruption leaves the database as it was.
 */
final class CompactCommand {

    private final PrintStream out;
    private final PrintStream err;

    CompactCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Path dataDir) {
        Path file = H2DataFolder.database(dataDir);
        try {
            if (!Files.isRegularFile(file)) {
                err.println("Compaction refused: there is no database " + file + ".");
                return Commands.REFUSED;
            }
            if (H2DataFolder.inUse(dataDir)) {
                err.println("Compaction refused: the database in " + dataDir + " is in use; stop Outage Desk first.");
                return Commands.REFUSED;
            }
            long before = Files.size(file);
            long started = System.nanoTime();
            out.println("Compacting " + file + " (" + BackupFiles.readableSize(before) + ") ...");
            try (Connection c = DriverManager.getConnection(H2DataFolder.url(dataDir), "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            long after = Files.size(file);
            out.println("Compacted " + file + " from " + BackupFiles.readableSize(before) + " to "
                    + BackupFiles.readableSize(after) + " in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
            return 0;
        } catch (IOException | SQLException e) {
            err.println("Compaction failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return Commands.REFUSED;
        }
    }
}
