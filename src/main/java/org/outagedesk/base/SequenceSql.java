package org.outagedesk.base;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * The SQL that takes the next value of a sequence in this database ({@code next value for x} on H2,
 * {@code nextval('x')} on PostgreSQL), from Hibernate's dialect, for set-based inserts. Rows inserted this way take
 * one sequence value each; Hibernate's pooled ids (value-49..value) never reach a value taken that way, so both can
 * share a sequence.
 */
@Component
public class SequenceSql {

    private final Dialect dialect;

    SequenceSql(EntityManagerFactory emf) {
        this.dialect = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    }

    public String next(String sequence) {
        return dialect.getSequenceSupport().getSelectSequenceNextValString(sequence);
    }
}
