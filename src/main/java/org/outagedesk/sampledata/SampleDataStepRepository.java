package org.outagedesk.sampledata;

import org.springframework.data.jpa.repository.JpaRepository;

interface SampleDataStepRepository extends JpaRepository<SampleDataStepRecord, String> {
}
