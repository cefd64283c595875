package org.outagedesk.sampledata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A step of the sample scenario that has been loaded into this database. */
@Entity
@Table(name = "sample_data_step")
class SampleDataStepRecord {

    @Id
    @Column(length = 100)
    private String name;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    protected SampleDataStepRecord() {
    }

    SampleDataStepRecord(String name, Instant loadedAt) {
        this.name = name;
        this.loadedAt = loadedAt;
    }

    String getName() {
        return name;
    }
}
