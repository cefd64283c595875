package org.outagedesk.backups;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** The embedded database's files in the data folder, as the commands on a stopped instance see them. */
final class H2DataFolder {

    /** The database's name in the data folder (the default URL's {@code .../outagedesk}). */
    static final String NAME = "outagedesk";
    static final String MV_FILE = NAME + ".mv.db";

    private H2DataFolder() {
    }

    static Path database(Path dataDir) {
        return dataDir.resolve(MV_FILE);
    }

    static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Whether a running H2 holds the database: H2 locks the whole {@code .mv.db} file while it has it open (in this
     * process, the lock shows as an overlapping lock).
     */
    static boolean inUse(Path dataDir) throws IOException {
        Path file = database(dataDir);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** The bytes of every file under a folder (the data folder's size). */
    static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
