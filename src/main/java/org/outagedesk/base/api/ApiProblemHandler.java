package org.outagedesk.base.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.LimitedUpload;
import org.outagedesk.base.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every error of the REST API into an RFC 9457 problem ({@code application/problem+json}) whose
 * {@code detail} a person can read and whose {@code fields} name the input at fault.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblemHandler.class);

    /** Characters of a problem's detail, and of each field's message: the answer never grows with the input. */
    static final int MAX_DETAIL = 400;

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    /** An upload past its own limit (the sales file's; read as a stream, so it is found while reading). */
    @ExceptionHandler(LimitedUpload.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(LimitedUpload.TooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "File too large", e.getMessage() + ": nothing of it was applied; send it in smaller files",
                Map.of("file", "too large")));
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e) {
        HttpStatus status = e.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return problem(status, e.isConflict() ? "Conflict" : "Invalid request", e.getMessage(),
                e.field() == null ? null : Map.of(e.field(), e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), null);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail stale(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                "Someone else changed this record since you read it; reload it and apply your change again", null);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Parameter '" + Text.quote(e.getName()) + "' has an invalid value '"
                        + Text.quote(String.valueOf(e.getValue())) + "'",
                Map.of(e.getName(), "invalid value"));
    }

    /** A service's {@code @Valid} argument refused: the fields at fault, by the name of their last path part. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String path = v.getPropertyPath().toString();
            fields.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }
        List<String> parts = fields.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid input: " + String.join("; ", parts),
                fields);
    }

    /** A failure of ours: logged in full, answered without any internals (no class, method or message). */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; it has been logged. Try again, or tell the administrator the time"
                        + " it happened.", null);
    }

    /** Every problem built by Spring's own handlers (405, 415, missing parameters...) is kept short too. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
            problem.setDetail(Text.shorten(problem.getDetail(), MAX_DETAIL));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        List<String> parts = fields.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).toList();
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Invalid input: " + String.join("; ", parts), fields);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint";
        Map<String, String> fields = null;
        Throwable cause = ex.getCause();
        if (cause instanceof StreamConstraintsException) {
            detail += ": a number, text or nesting in it passes the limits (numbers of at most "
                    + JsonLimits.MAX_NUMBER_LENGTH + " characters)";
        } else if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = path(bind);
            String reason = bind instanceof InvalidFormatException invalid
                    && JsonLimits.OUT_OF_RANGE.equals(invalid.getOriginalMessage())
                    ? JsonLimits.OUT_OF_RANGE : "the value is not of the expected kind";
            detail += ": '" + field + "': " + reason;
            fields = Map.of(field, reason);
        } else if (cause instanceof StreamReadException read && read.getLocation() != null) {
            detail += " (line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr()
                    + ")";
        }
        Map<String, String> named = JsonFields.of(ex);
        if (named != null && (fields == null || !fields.containsValue(JsonLimits.OUT_OF_RANGE))) {
            fields = named;
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request", detail, fields));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Parameter '" + ex.getParameterName() + "' is required",
                Map.of(ex.getParameterName(), "required")));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The multipart field '" + ex.getRequestPartName() + "' is required",
                Map.of(ex.getRequestPartName(), "required")));
    }

    /** An upload over {@code OUTAGEDESK_IMPORT_MAX_FILE_SIZE} (multipart is resolved lazily, so it arrives here). */
    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "File too large", "The file is larger than this installation accepts"
                        + " (OUTAGEDESK_IMPORT_MAX_FILE_SIZE)", Map.of("file", "too large")));
    }

    /** "tiers[0].amount": where in the body a value was refused (names of the request, never of our classes). */
    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(Text.quote(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, @Nullable Map<String, String> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Text.shorten(detail, MAX_DETAIL));
        problem.setTitle(title);
        if (fields != null && !fields.isEmpty()) {
            Map<String, String> shortened = new LinkedHashMap<>();
            fields.forEach((k, v) -> shortened.put(Text.quote(k), Text.shorten(v, MAX_DETAIL)));
            problem.setProperty("fields", shortened);
        }
        return problem;
    }
}
