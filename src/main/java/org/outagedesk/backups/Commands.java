package org.outagedesk.backups;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The commands {@code java -jar outage-desk.jar restore FILE} and {@code ... compact} on a stopped instance. They run
 * before (and instead of) Spring: no web server, no Flyway, no database opened by anyone else.
 */
public final class Commands {

    /** The exit code of a command that refused to act (a usage error is 2). */
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    private Commands() {
    }

    /** Whether the arguments name a command rather than the application's start. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (args[0].equals("restore") || args[0].equals("compact"));
    }

    /** Runs the command and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> positional = new ArrayList<>();
        String dataDir = env.getOrDefault("OUTAGEDESK_DATA_DIR", System.getProperty("outagedesk.data-dir", "./data"));
        String datasourceUrl = env.get("SPRING_DATASOURCE_URL");
        String sha256 = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--outagedesk.data-dir=")) {
                dataDir = a.substring("--outagedesk.data-dir=".length());
            } else if (a.startsWith("--spring.datasource.url=")) {
                datasourceUrl = a.substring("--spring.datasource.url=".length());
            } else if (a.startsWith("--sha256=")) {
                sha256 = a.substring("--sha256=".length()).strip().toLowerCase(Locale.ROOT);
            } else if (a.startsWith("--")) {
                err.println("Unknown option " + shorten(a) + ". " + usage());
                return USAGE;
            } else {
                positional.add(a);
            }
        }
        String refusal = notEmbedded(datasourceUrl);
        if (refusal != null) {
            err.println(refusal);
            return REFUSED;
        }
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        if (datasourceUrl != null && !datasourceUrl.isBlank()) {
            Path database = Path.of(datasourceUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0])
                    .toAbsolutePath().normalize();
            if (!database.getFileName().toString().equals(H2DataFolder.NAME)) {
                err.println("These commands expect the embedded database named '" + H2DataFolder.NAME
                        + "' (the default SPRING_DATASOURCE_URL); this installation names another.");
                return REFUSED;
            }
            data = database.getParent();
        }
        if (args[0].equals("compact")) {
            if (!positional.isEmpty() || sha256 != null) {
                err.println(usage());
                return USAGE;
            }
            return new CompactCommand(out, err).run(data);
        }
        if (positional.size() != 1) {
            err.println(usage());
            return USAGE;
        }
        return new RestoreCommand(out, err).run(Path.of(positional.get(0)).toAbsolutePath().normalize(), data,
                sha256);
    }

    private static @Nullable String notEmbedded(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return "The database is PostgreSQL (SPRING_DATASOURCE_URL): restore it with pg_restore or psql, and let "
                    + "PostgreSQL compact itself (VACUUM); see the README's Backups section. These commands are "
                    + "for the embedded H2 database in the data folder.";
        }
        if (!u.startsWith("jdbc:h2:file:")) {
            return "These commands are for the embedded H2 database in the data folder "
                    + "(--outagedesk.data-dir); this installation's SPRING_DATASOURCE_URL names another database.";
        }
        return null;
    }

    static String usage() {
        return "Usage: java -jar outage-desk.jar restore BACKUP.zip [--outagedesk.data-dir=DIR] [--sha256=HEX]\n"
                + "       java -jar outage-desk.jar compact [--outagedesk.data-dir=DIR]\n"
                + "Both work on a stopped instance; DIR defaults to $OUTAGEDESK_DATA_DIR, else ./data.";
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
