package org.outagedesk.catalog;

import org.outagedesk.base.CsvImportException;
import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.stereotype.Component;

/**
 * The sample catalog: eight US regions with their escalation contacts, the Sidekick family and other phones of
 * 2009, and about 300 stores; each file through the import the console and the API offer.
 */
@Component
class CatalogSampleData implements SampleDataStep {

    private final CatalogService catalog;

    CatalogSampleData(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load(SampleFiles files) {
        load(files, "regions.csv");
        CatalogImportResult skus = catalog.importSkus(files.open("skus.csv"), "skus.csv",
                CatalogImportMode.ALL_OR_NOTHING);
        check("skus.csv", skus);
        load(files, "stores.csv");
    }

    private void load(SampleFiles files, String name) {
        CatalogImportResult result = name.startsWith("regions")
                ? catalog.importRegions(files.open(name), name, CatalogImportMode.ALL_OR_NOTHING)
                : catalog.importStores(files.open(name), name, CatalogImportMode.ALL_OR_NOTHING);
        check(name, result);
    }

    static void check(String name, CatalogImportResult result) {
        if (!result.applied()) {
            throw new CsvImportException("Sample file " + name, result.errors());
        }
    }

    /**
     * A database loaded before regions had zones and escalation contacts and stores had e-mails and zones (V30):
     * the regions and stores files again, which update them by code (on a new database this changes nothing).
     */
    @Component
    static class RegionsAndStoreContacts implements SampleDataStep {

        private final CatalogService catalog;

        RegionsAndStoreContacts(CatalogService catalog) {
            this.catalog = catalog;
        }

        @Override
        public String name() {
            return "catalog-regions-and-store-contacts";
        }

        @Override
        public int order() {
            return 101;
        }

        @Override
        public void load(SampleFiles files) {
            check("regions.csv", catalog.importRegions(files.open("regions.csv"), "regions.csv",
                    CatalogImportMode.ALL_OR_NOTHING));
            check("stores.csv", catalog.importStores(files.open("stores.csv"), "stores.csv",
                    CatalogImportMode.ALL_OR_NOTHING));
        }
    }
}
