package certrenewal.adapters.web.customer;

import certrenewal.adapters.web.BankZone;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.IdKind;
import io.micronaut.context.MessageSource;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.session.Session;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What every customer page shares: the language, the CSRF token, the import map, localized texts. */
@Singleton
public final class Pages {
    private final MessageSource messages;
    /** Times as the server writes them, in the bank's zone, until the browser's script rewrites them into the user's own. */
    private final DateTimeFormatter times;
    private final HttpLocaleResolver locales;
    /** The browser modules' import map, inlined in every page that runs them. */
    final String importMap;
    /** The CSP source allowing exactly that inline import map. */
    final String importMapCspSource;

    Pages(MessageSource messages, HttpLocaleResolver locales, ResourceResolver resources, BankZone zone) {
        this.messages = messages;
        this.locales = locales;
        this.times = zone.formatter("yyyy/MM/dd HH:mm");
        try (InputStream in = resources.getResourceAsStream("classpath:static/js/importmap.json").orElseThrow(
                () -> new IllegalStateException("static/js/importmap.json is missing"))) {
            this.importMap = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(importMap.getBytes(StandardCharsets.UTF_8));
            this.importMapCspSource = "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }

    public boolean english(HttpRequest<?> request) {
        return "en".equals(locale(request).getLanguage());
    }

    public String text(HttpRequest<?> request, String key, Object... args) {
        Locale locale = english(request) ? Locale.ENGLISH : Locale.JAPANESE;
        return messages.getMessage(key, locale, args).orElse(key);
    }

    /** A refusal in the user's language; the plain English reason when no translation exists. */
    public String refusal(HttpRequest<?> request, Rejection rejection) {
        Locale locale = english(request) ? Locale.ENGLISH : Locale.JAPANESE;
        return messages.getMessage("rejection." + rejection.code().name(), locale).orElse(rejection.message());
    }

    public Map<String, Object> model(HttpRequest<?> request, Session session) {
        Map<String, Object> model = new HashMap<>();
        boolean english = english(request);
        model.put("lang", english ? "en" : "ja");
        model.put("otherLang", english ? "ja" : "en");
        model.put("path", request.getPath());
        model.put("importMap", importMap);
        if (session != null) {
            model.put("csrf", SignedIn.csrfToken(session));
        }
        return model;
    }

    /** {@code instant} as a page shows it before its script runs: 2026/04/01 09:00 JST. */
    public String time(Instant instant) {
        return times.format(instant);
    }

    /** 発行完了 (renewal and pickup) for what {@link KeyFlow#shown} gave, with the next steps of {@code texts}. */
    public HttpResponse<?> complete(HttpRequest<?> request, Session session, Map<String, String> shown, String texts) {
        Map<String, Object> model = model(request, session);
        model.putAll(shown);
        model.put("notBeforeText", time(Instant.parse(shown.get("notBefore"))));
        model.put("notAfterText", time(Instant.parse(shown.get("notAfter"))));
        model.put("texts", texts);
        return HttpResponse.ok(view("complete", model));
    }

    public static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    public static <T> ModelAndView<Map<String, Object>> view(String name, Map<String, Object> model) {
        return new ModelAndView<>(name, model);
    }

    /** The certificate as the main menu and the notice show it. */
    Map<String, Object> certificateModel(HttpRequest<?> request, Session session, CertificateOverview o) {
        Map<String, Object> model = model(request, session);
        model.put("loginId", o.loginId().value());
        model.put("serial", o.serial().hex());
        model.put("notAfter", o.notAfter().toString());
        model.put("notAfterText", time(o.notAfter()));
        model.put("daysLeft", o.daysLeft());
        model.put("status", text(request, "status." + o.status().name()));
        model.put("renewable", o.renewalRefusal().isEmpty());
        // 利用者管理 is offered to 管理者IDs only
        model.put("administrator", o.kind() == IdKind.ADMINISTRATOR);
        o.renewalRefusal().ifPresent(r -> model.put("renewalRefusal", refusal(request, r)));
        // a renewal left open elsewhere (a closed tab, say) need not block the customer until it times out
        model.put("startOver", o.renewalRefusal().map(r -> r.code() == Rejection.Code.RENEWAL_ALREADY_OPEN).orElse(false));
        return model;
    }
}
