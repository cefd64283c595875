import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes N affected subscribers of the 2009 Sidekick incident as an import file (the format of
 * sample-data/README-subscribers.md), deterministically: the same N and seed give the same bytes.
 *
 * <pre>
 *   java sample-data/GenerateSubscribers.java 1000000 /tmp/subscribers-1m.csv        # from the project folder
 *   java sample-data/GenerateSubscribers.java N out.csv [seed] [skus.csv] [stores.csv]
 * </pre>
 * No dependencies (a single-file Java program, JDK 21+). MSISDNs are unique for N up to 8,000,000,000.
 */
public class GenerateSubscribers {

    private static final String[] FIRST = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
            "Linda", "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
            "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra",
            "Jose", "Ashley", "Kevin", "Kimberly", "Brian", "Emily", "Luis", "Maria", "Wei", "Aisha", "Tyler",
            "Destiny"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
            "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Chen",
            "O'Brien", "Kowalski"};
    private static final String[] CATEGORIES = {"CONTACTS", "PHOTOS", "EMAIL", "SMS", "CALENDAR", "TODO"};
    /** How likely each category is concerned when data was hit: contacts and photos mattered most. */
    private static final double[] CATEGORY_ODDS = {0.92, 0.65, 0.55, 0.45, 0.35, 0.2};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java sample-data/GenerateSubscribers.java N out.csv [seed] [skus.csv] [stores.csv]");
            System.exit(2);
        }
        long n = Long.parseLong(args[0].replace("_", ""));
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2009;
        Path skusFile = Path.of(args.length > 3 ? args[3] : "sample-data/skus.csv");
        Path storesFile = Path.of(args.length > 4 ? args[4] : "sample-data/stores.csv");

        List<String> sidekicks = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String line : Files.readAllLines(skusFile, StandardCharsets.UTF_8).subList(1, Files.readAllLines(skusFile).size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            (f[f.length - 1].strip().equals("SIDEKICK") ? sidekicks : others).add(f[0].strip());
        }
        List<String> stores = new ArrayList<>();
        List<String> lines = Files.readAllLines(storesFile, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) stores.add(line.substring(0, line.indexOf(',')).strip());
        }

        Random random = new Random(seed);
        LocalDateTime syncFrom = LocalDateTime.of(2009, 9, 25, 0, 0);
        long syncWindowSeconds = java.time.Duration.between(syncFrom, LocalDateTime.of(2009, 10, 2, 6, 0)).getSeconds();
        ZoneOffset pacificDaylight = ZoneOffset.ofHours(-7);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("msisdn,account,name,sku,store,data_plan,status,categories,last_sync,email\n");
            StringBuilder row = new StringBuilder(160);
            for (long i = 0; i < n; i++) {
                // a bijection of [0, 8e9): unique ten-digit numbers that do not start with 0 or 1
                long number = 2_000_000_000L + Math.floorMod(i * 7_368_787L + 1_234_567L, 8_000_000_000L);
                boolean sidekick = random.nextDouble() < 0.85;
                String sku = sidekick ? sidekicks.get(random.nextInt(sidekicks.size()))
                        : others.get(random.nextInt(others.size()));
                String store = stores.get(random.nextInt(stores.size()));
                boolean dataPlan = sidekick ? random.nextDouble() < 0.97 : random.nextDouble() < 0.6;
                String status = status(random, sidekick && dataPlan);
                String categories = status.equals("DEVICE_ONLY") || status.equals("LOST") || status.equals("RECOVERED")
                        ? categories(random) : "";
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                String lastSync = random.nextDouble() < 0.02 ? ""
                        : ISO.format(OffsetDateTime.of(syncFrom.plusSeconds((long) (random.nextDouble() * syncWindowSeconds)),
                                pacificDaylight));
                row.setLength(0);
                row.append("+1").append(number).append(',')
                        .append("ACC").append(10_000_000L + i).append(',')
                        .append(name.contains("'") || name.contains(",") ? '"' + name + '"' : name).append(',')
                        .append(sku).append(',').append(store).append(',').append(dataPlan).append(',')
                        .append(status).append(',').append(categories).append(',').append(lastSync).append(',')
                        .append(email(i, name)).append('\n');
                w.write(row.toString());
            }
        }
        System.err.println("Wrote " + n + " subscribers to " + out);
    }

    /**
     * About 40 % of subscribers gave an e-mail address (at example.com, reserved for examples). Derived from the row
     * number and the name, never from the random stream, so that adding the column left every other value as it was.
     */
    private static String email(long i, String name) {
        if (Math.floorMod(i * 2_654_435_761L + 97L, 100L) >= 40) {
            return "";
        }
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z ]", "").replace(' ', '.') + "." + i
                + "@example.com";
    }

    /** Sidekick data-plan users: a third only on the device, many lost or recovered; the rest mostly not affected. */
    private static String status(Random random, boolean sidekickData) {
        double r = random.nextDouble();
        if (!sidekickData) {
            return r < 0.85 ? "NOT_AFFECTED" : "UNKNOWN";
        }
        if (r < 0.18) return "UNKNOWN";
        if (r < 0.52) return "DEVICE_ONLY";
        if (r < 0.67) return "LOST";
        if (r < 0.90) return "RECOVERED";
        return "NOT_AFFECTED";
    }

    private static String categories(Random random) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < CATEGORIES.length; c++) {
            if (random.nextDouble() < CATEGORY_ODDS[c]) {
                if (!b.isEmpty()) b.append(';');
                b.append(CATEGORIES[c]);
            }
        }
        return b.isEmpty() ? "CONTACTS" : b.toString();
    }
}
