package certrenewal.adapters.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;

/**
 * A form body that is not URL-encoded at all (a stray {@code %}, say) is the sender's mistake:
 * 400, where Micronaut would answer 500 because Netty's decoder throws before any controller runs.
 */
@Produces
@Singleton
@Requires(classes = {HttpPostRequestDecoder.ErrorDataDecoderException.class, ExceptionHandler.class})
final class MalformedFormHandler
        implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<String>> {

    @Override
    public HttpResponse<String> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return HttpResponse.<String>status(HttpStatus.BAD_REQUEST)
                .contentType("text/plain; charset=UTF-8")
                .body("The form could not be read.\n");
    }
}
