package org.outagedesk.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

/** A failure of ours answers 500 and says nothing of what failed inside (issue 16, hole 5). */
class UnexpectedErrorTest {

    @Test
    void an_unexpected_exception_is_a_500_problem_without_internals() {
        ProblemDetail problem = new ApiProblemHandler().unexpected(
                new IllegalStateException("org.hibernate.exception.SQLGrammarException in IncidentController.add(long)"),
                new MockHttpServletRequest("POST", "/api/incidents/1/timeline"));
        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("hibernate").doesNotContain("IncidentController")
                .doesNotContain("Exception");
    }

    @Test
    void a_detail_never_grows_with_the_input() {
        ProblemDetail problem = ApiProblemHandler.problem(HttpStatus.BAD_REQUEST, "Invalid",
                "x".repeat(100_000), Map.of("y".repeat(10_000), "z".repeat(100_000)));
        assertThat(problem.toString().length()).isLessThan(2_000);
    }
}
