package io.allice.platform.shared.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.allice.platform.shared.web.LoggedPaths;
import io.allice.platform.shared.web.RequestBodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every exception that reaches Spring MVC into problem details: the framework's own
 * (malformed JSON, wrong method, unknown path) and the platform's {@link ApiException}. A 500
 * carries a generic detail and an error id; the cause goes only to the log, under that id.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Pattern JACKSON_LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApiException(ApiException ex) {
        HttpHeaders headers = new HttpHeaders();
        ex.headers().forEach(headers::set);
        return respond(ex.status(), Problems.withErrors(ex.status(), ex.getMessage(), ex.errors()), headers);
    }

    /**
     * Returns 409 for a write that lost a race with another request on the same record: a delete of a
     * row that was just deleted, an update of one being deleted, or a database deadlock.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> handleConcurrentChange(ConcurrencyFailureException ex, HttpServletRequest request) {
        log.info("Concurrent change rejected on {} {}: {}", request.getMethod(),
                LoggedPaths.redact(request.getRequestURI()), firstLine(ex.getMessage()));
        return respond(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT,
                "Another request changed or deleted this record at the same moment. Read it again and retry."),
                new HttpHeaders());
    }

    /** Tomcat decodes query parameters lazily, and a percent escape that is not UTF-8 fails there. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleUndecodableParameters(InvalidParameterException ex) {
        return respond(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
                "The query string contains percent escapes that are not valid UTF-8"), new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, HttpServletRequest request) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", errorId, request.getMethod(),
                LoggedPaths.redact(request.getRequestURI()), ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote error id " + errorId + " when reporting it.");
        problem.setProperty("error_id", errorId);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, problem, new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new FieldViolation(snakeCase(error.getField()), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, detailFor(violations), violations, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                violations.add(new FieldViolation(parameterName(result.getMethodParameter()), error.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, detailFor(violations), violations, headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : describeType(ex.getRequiredType());
        String message = "must be " + expected + ", not '" + ex.getValue() + "'";
        return problem(HttpStatus.BAD_REQUEST, name + ": " + message, List.of(new FieldViolation(name, message)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "Missing required parameter '" + name + "'",
                List.of(new FieldViolation(name, "is required")), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        for (Throwable link = ex; link != null; link = link.getCause()) {
            if (link instanceof RequestBodyTooLargeException tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), List.of(), headers);
            }
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch.getPath());
            String message = mismatch instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    ? "must be " + describeType(invalid.getTargetType())
                    : mismatch.getTargetType() != null ? "must be " + describeType(mismatch.getTargetType()) : "has the wrong type";
            return problem(HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new FieldViolation(field, message)), headers);
        }
        if (cause instanceof StreamReadException malformed) {
            String where = malformed.getLocation() == null ? ""
                    : " (line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")";
            return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: "
                    + firstLine(malformed.getOriginalMessage()) + where, List.of(), headers);
        }
        if (cause instanceof JacksonException other && !(cause instanceof MismatchedInputException)) {
            return problem(HttpStatus.BAD_REQUEST, "The request body cannot be read: "
                    + firstLine(other.getOriginalMessage()), List.of(), headers);
        }
        if (cause instanceof MismatchedInputException) {
            return problem(HttpStatus.BAD_REQUEST, "The request body must be a JSON object", List.of(), headers);
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable", List.of(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = ex.getSupportedMediaTypes().isEmpty() ? "application/json"
                : MediaType.toString(ex.getSupportedMediaTypes());
        String detail = ex.getContentType() == null
                ? "The request has no Content-Type header; send " + supported
                : "This endpoint does not accept Content-Type " + ex.getContentType() + "; send " + supported;
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail, List.of(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = ex.getSupportedHttpMethods() == null ? "" : " Allowed: " + String.join(", ",
                ex.getSupportedHttpMethods().stream().map(Object::toString).toList()) + ".";
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not supported here." + allowed,
                List.of(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // The exception's resource path has lost the trailing slash, so the message takes the request's own path.
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
                : "/" + ex.getResourcePath();
        String hint = path.length() > 1 && path.endsWith("/") ? "; API paths end without a slash" : "";
        return problem(HttpStatus.NOT_FOUND, "No endpoint " + ex.getHttpMethod() + " " + path + hint, List.of(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "No endpoint " + ex.getHttpMethod() + " " + ex.getRequestURL(),
                List.of(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = ex.getMaxUploadSize() > 0 ? " of " + ex.getMaxUploadSize() + " bytes" : "";
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The upload exceeds the size limit" + limit, List.of(), headers);
    }

    /** Every other framework exception keeps its status but gets the one problem shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail existing ? existing
                : Problems.of(statusCode, Problems.titleOf(statusCode));
        if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            problem.setDetail(Problems.titleOf(statusCode));
        }
        problem.setTitle(Problems.titleOf(statusCode));
        problem.setInstance(null);
        if (statusCode.is5xxServerError()) {
            log.error("Request failed with status {}", statusCode.value(), ex);
        }
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldViolation> errors,
            HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.withErrors(status, detail, errors));
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, ProblemDetail problem,
            HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Returns the first line of a Jackson message without the Java method that its limits name
     * ("maximum allowed (500, from `StreamReadConstraints.getMaxNestingDepth()`)"), which means
     * nothing to a client.
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return JACKSON_LIMIT_SOURCE.matcher(line).replaceAll("");
    }

    private static String detailFor(List<FieldViolation> violations) {
        if (violations.size() == 1) {
            return violations.getFirst().field() + ": " + violations.getFirst().message();
        }
        return "The request has " + violations.size() + " invalid fields";
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        if (requestParam != null && !requestParam.value().isEmpty()) {
            return requestParam.value();
        }
        String name = parameter.getParameterName();
        return name == null ? "parameter" : snakeCase(name);
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String describeType(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        return "a valid " + type.getSimpleName();
    }
}
