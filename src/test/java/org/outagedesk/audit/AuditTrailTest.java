package org.outagedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditTrailTest {

    @Autowired
    AuditService audit;

    @Autowired
    TransactionTemplate transactions;

    private long linesAbout(String id) {
        return SystemActor.call(() -> audit.count(new AuditFilter(null, null, "Test", id, null, null, null)));
    }

    @Test
    void an_audit_line_is_written_in_the_transaction_of_the_change_and_rolls_back_with_it() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> SystemActor.run(() -> transactions.executeWithoutResult(tx -> {
            audit.record("TEST_CHANGED", "Test", id, "a change that fails after being audited");
            throw new IllegalStateException("the change failed");
        }))).hasMessage("the change failed");
        assertThat(linesAbout(id)).isZero();

        SystemActor.run(() -> transactions.executeWithoutResult(
                tx -> audit.record("TEST_CHANGED", "Test", id, "a change that worked")));
        assertThat(linesAbout(id)).isEqualTo(1);
    }

    @Test
    void recording_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> SystemActor.run(() -> audit.record("TEST", "Test", "x", "no transaction")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
