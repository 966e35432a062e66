package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;

/** Shorthands for the refusals use cases throw. */
final class Refusals {
    private Refusals() {
    }

    static RequestRefusedException refusal(Code code) {
        return new RequestRefusedException(Rejection.of(code));
    }

    static RequestRefusedException refusal(Code code, String message) {
        return new RequestRefusedException(Rejection.of(code, message));
    }

    /** For {@code Optional<Rejection>.ifPresent}: a rule's refusal ends the use case. */
    static void refuse(Rejection rejection) {
        throw new RequestRefusedException(rejection);
    }
}
