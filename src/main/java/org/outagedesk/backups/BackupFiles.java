package org.outagedesk.backups;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * How backups lie in the backup folder, shared by the running application and the restore command (which runs
 * without Spring). A backup is {@code outagedesk-20091012T193000123Z-v7.zip} (when it was taken, in UTC, and the
 * Flyway schema version it holds) with {@code outagedesk-...zip.sha256} beside it in the format of
 * {@code sha256sum}, so that {@code sha256sum -c} checks it too.
 */
public final class BackupFiles {

    static final String PREFIX = "outagedesk-";
    static final String SUFFIX = ".zip";
    static final String CHECKSUM_SUFFIX = ".sha256";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile(
            "outagedesk-(\\d{8}T\\d{9}Z)-v([0-9][0-9._]{0,30})\\.zip");

    private BackupFiles() {
    }

    static String fileName(Instant takenAt, String schemaVersion) {
        return PREFIX + STAMP.format(takenAt) + "-v" + schemaVersion + SUFFIX;
    }

    /** The backups in a folder, newest first; files that do not follow the naming are left alone. */
    static List<Backup> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                describe(file).ifPresent(backups::add);
            }
        }
        backups.sort(Comparator.comparing(Backup::createdAt).reversed().thenComparing(Backup::fileName));
        return backups;
    }

    static Optional<Backup> describe(Path file) throws IOException {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Instant takenAt = Instant.from(STAMP.parse(m.group(1)));
        return Optional.of(new Backup(file.getFileName().toString(), Files.size(file), readChecksum(file), takenAt,
                m.group(2)));
    }

    static Path checksumFile(Path backup) {
        return backup.resolveSibling(backup.getFileName() + CHECKSUM_SUFFIX);
    }

    /** The SHA-256 written beside a backup, or null when there is none or it is not one. */
    static @Nullable String readChecksum(Path backup) throws IOException {
        Path file = checksumFile(backup);
        if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
            return null;
        }
        String line = Files.readString(file, StandardCharsets.UTF_8).strip();
        int space = line.indexOf(' ');
        String hex = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        return isSha256(hex) ? hex : null;
    }

    static void writeChecksum(Path backup, String sha256) throws IOException {
        Files.writeString(checksumFile(backup), sha256 + "  " + backup.getFileName() + "\n", StandardCharsets.UTF_8);
    }

    static boolean isSha256(String hex) {
        return hex.length() == 64 && hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Deletes the oldest backups (and their checksums) beyond the newest {@code keep}; returns what went. */
    static List<String> prune(Path dir, int keep) throws IOException {
        List<Backup> all = list(dir);
        List<String> removed = new ArrayList<>();
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            Path file = dir.resolve(old.fileName());
            Files.deleteIfExists(checksumFile(file));
            Files.deleteIfExists(file);
            removed.add(old.fileName());
        }
        return removed;
    }

    /** A size a person reads: 1.2 GB, 340 MB, 12 kB. */
    public static String readableSize(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    private static final class OutputStreamSink extends OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
