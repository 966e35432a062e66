package certrenewal.adapters.web;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * A refused request becomes a 4xx with the plain reason as its body and the reason's code in
 * {@value #CODE_HEADER}, so that scripts and screens can tell reasons apart.
 */
@Produces
@Singleton
@Requires(classes = {RequestRefusedException.class, ExceptionHandler.class})
public final class RefusalHandler implements ExceptionHandler<RequestRefusedException, HttpResponse<String>> {
    public static final String CODE_HEADER = "X-Refusal-Code";

    @Override
    public HttpResponse<String> handle(HttpRequest request, RequestRefusedException exception) {
        Rejection rejection = exception.rejection();
        MutableHttpResponse<String> response = HttpResponse.<String>status(statusOf(rejection.code()))
                .header(CODE_HEADER, rejection.code().name())
                .contentType("text/plain; charset=UTF-8")
                .body(rejection.message() + "\n");
        // a limit that runs out says when (RFC 9110 Retry-After, in whole seconds, at least one)
        exception.retryAt().ifPresent(at -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(
                Math.max(1, Duration.between(Instant.now(), at).toSeconds() + 1))));
        return response;
    }

    public static HttpStatus statusOf(Rejection.Code code) {
        return switch (code) {
            case NO_CLIENT_CERTIFICATE -> HttpStatus.UNAUTHORIZED;
            case WRONG_CREDENTIALS, CERTIFICATE_OF_ANOTHER_ID, WRONG_ISSUANCE_PASSWORD, PICKUP_REFUSED -> HttpStatus.UNAUTHORIZED;
            case WRONG_CONFIRMATION_PASSWORD, WRONG_CURRENT_PASSWORD, PASSWORD_CHANGE_REQUIRED -> HttpStatus.FORBIDDEN;
            case NOT_LOCKED -> HttpStatus.CONFLICT;
            case NO_CERTIFICATE -> HttpStatus.NOT_FOUND;
            case UNKNOWN_CERTIFICATE, CERTIFICATE_REVOKED, CERTIFICATE_SUPERSEDED, CERTIFICATE_EXPIRED,
                 CERTIFICATE_NOT_CURRENT, ID_LOCKED, ID_REVOKED, NOT_PERMITTED, OUTSIDE_RENEWAL_WINDOW,
                 ALREADY_HAS_CERTIFICATE, EXPIRED_REISSUE_BY_ADMINISTRATOR, EXPIRED_REISSUE_BY_BANK -> HttpStatus.FORBIDDEN;
            case RENEWAL_ALREADY_OPEN, LOGIN_ID_EXISTS, CONTRACT_EXISTS -> HttpStatus.CONFLICT;
            case RENEWAL_NOT_FOUND, UNKNOWN_LOGIN_ID, UNKNOWN_CONTRACT -> HttpStatus.NOT_FOUND;
            case RENEWAL_TIMED_OUT -> HttpStatus.GONE;
            case MALFORMED_REQUEST, BAD_REQUEST_SIGNATURE, KEY_NOT_ACCEPTED, KEY_ALREADY_CERTIFIED, KEY_COMPROMISED,
                 PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_CONTAINS_NAME, PASSWORD_RECENTLY_USED,
                 NEW_PASSWORDS_DIFFER -> HttpStatus.BAD_REQUEST;
            case ISSUANCE_LIMIT_REACHED, PICKUP_THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case ISSUANCE_FAILED -> HttpStatus.SERVICE_UNAVAILABLE;
            case STAFF_ACCOUNT_EXISTS, LAST_SECURITY_ADMINISTRATOR, STAFF_ACCOUNT_UNCHANGED, STAFF_ACCOUNT_DISABLED -> HttpStatus.CONFLICT;
            case UNKNOWN_STAFF_ACCOUNT -> HttpStatus.NOT_FOUND;
            case INVALID_STAFF_USERNAME -> HttpStatus.BAD_REQUEST;
            case OWN_STAFF_ACCOUNT -> HttpStatus.FORBIDDEN;
            case OWN_APPROVAL, APPROVAL_REQUIRED -> HttpStatus.FORBIDDEN;
            case APPROVAL_EXPIRED -> HttpStatus.GONE;
            case APPROVAL_DECIDED -> HttpStatus.CONFLICT;
        };
    }
}
