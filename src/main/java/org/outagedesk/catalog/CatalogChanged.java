package org.outagedesk.catalog;

/**
 * Published when SKUs, stores or regions were added, changed or closed, in the transaction of the change: features
 * that keep the catalog in memory (the tills' hold book) read it again after the commit.
 */
public record CatalogChanged(String what) {
}
