package certrenewal.adapters.web;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

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
        return HttpResponse.<String>status(statusOf(rejection.code()))
                .header(CODE_HEADER, rejection.code().name())
                .contentType("text/plain; charset=UTF-8")
                .body(rejection.message() + "\n");
    }

    public static HttpStatus statusOf(Rejection.Code code) {
        return switch (code) {
            case NO_CLIENT_CERTIFICATE -> HttpStatus.UNAUTHORIZED;
            case WRONG_CREDENTIALS, CERTIFICATE_OF_ANOTHER_ID, WRONG_ISSUANCE_PASSWORD -> HttpStatus.UNAUTHORIZED;
            case WRONG_CONFIRMATION_PASSWORD -> HttpStatus.FORBIDDEN;
            case NOT_LOCKED -> HttpStatus.CONFLICT;
            case NO_CERTIFICATE -> HttpStatus.NOT_FOUND;
            case UNKNOWN_CERTIFICATE, CERTIFICATE_REVOKED, CERTIFICATE_SUPERSEDED, CERTIFICATE_EXPIRED,
                 CERTIFICATE_NOT_CURRENT, ID_LOCKED, ID_REVOKED, NOT_PERMITTED, OUTSIDE_RENEWAL_WINDOW,
                 ALREADY_HAS_CERTIFICATE -> HttpStatus.FORBIDDEN;
            case RENEWAL_ALREADY_OPEN, LOGIN_ID_EXISTS, CONTRACT_EXISTS -> HttpStatus.CONFLICT;
            case RENEWAL_NOT_FOUND, UNKNOWN_LOGIN_ID, UNKNOWN_CONTRACT -> HttpStatus.NOT_FOUND;
            case RENEWAL_TIMED_OUT -> HttpStatus.GONE;
            case MALFORMED_REQUEST, BAD_REQUEST_SIGNATURE, KEY_NOT_ACCEPTED, PASSWORD_TOO_SHORT -> HttpStatus.BAD_REQUEST;
            case ISSUANCE_FAILED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
