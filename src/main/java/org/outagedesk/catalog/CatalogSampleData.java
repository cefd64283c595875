package org.outagedesk.catalog;

import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.stereotype.Component;

/** The sample catalog: the Sidekick family and other phones of 2009, and about 300 US stores. */
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
        catalog.importSkus(files.reader("skus.csv"));
        catalog.importStores(files.reader("stores.csv"));
    }
}
