package org.outagedesk.base.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the server's {@code /error} page answers when an error happens outside any controller (a filter, the
 * servlet container, a {@code sendError}): a problem+json with the status that caused it, never a 403 and never the
 * exception's text (issue 16, hole 5). Replaces Spring Boot's whitelabel error controller. Access: anyone (it only
 * reports an error that already happened to the caller's own request).
 */
@RestController
@PreAuthorize("permitAll()")
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (!status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case NOT_FOUND -> "There is nothing at this address";
            case METHOD_NOT_ALLOWED -> "This address does not accept this HTTP method";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not accept a body of this content type";
            case UNAUTHORIZED -> "Sign in first";
            case FORBIDDEN -> "Your role may not do this";
            case PAYLOAD_TOO_LARGE -> "The request is too large";
            case BAD_REQUEST -> "The request is malformed";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side; it has been logged. Try again, or tell the administrator"
                            + " the time it happened."
                    : status.getReasonPhrase();
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
