package certrenewal.benchmark.scale;

import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.benchmark.measure.Percentiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The look-up behind the renewal notice at login: who presented this certificate
 * (AuthenticateCertificateUseCase), then the ID's certificate and whether it may renew now
 * (GetCertificateOverviewUseCase), for IDs picked at random. One caller, so the figures are
 * latencies, not queueing. The password check of a login (PBKDF2, deliberately slow) is not part of it.
 */
public final class NoticeLookup {
    private final AuthenticateCertificateUseCase authentication;
    private final GetCertificateOverviewUseCase overview;

    public NoticeLookup(AuthenticateCertificateUseCase authentication, GetCertificateOverviewUseCase overview) {
        this.authentication = authentication;
        this.overview = overview;
    }

    /** Latencies of the whole look-up and of its two steps. */
    public record Latencies(Percentiles total, Percentiles authenticate, Percentiles overview) {
    }

    public Latencies time(List<byte[]> presentedCertificates, int warmUps) {
        int timed = presentedCertificates.size() - warmUps;
        long[] total = new long[timed];
        long[] authenticate = new long[timed];
        long[] overviewed = new long[timed];
        for (int i = 0; i < presentedCertificates.size(); i++) {
            long start = System.nanoTime();
            AuthenticatedId who = authentication.authenticate(presentedCertificates.get(i));
            long authenticated = System.nanoTime();
            overview.overview(who);
            long end = System.nanoTime();
            if (i >= warmUps) {
                total[i - warmUps] = end - start;
                authenticate[i - warmUps] = authenticated - start;
                overviewed[i - warmUps] = end - authenticated;
            }
        }
        return new Latencies(Percentiles.ofNanos(total), Percentiles.ofNanos(authenticate), Percentiles.ofNanos(overviewed));
    }

    /** The current certificates of {@code count} active IDs picked at random, as their browsers present them. */
    public static List<byte[]> currentCertificatesOfRandomIds(Connection connection, ScaleShape shape, int count)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(7);
        List<byte[]> certificates = new ArrayList<>(count);
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.der FROM login_account a JOIN certificate c ON c.serial = a.current_certificate_serial
                 WHERE a.login_id = ? AND a.status = 'ACTIVE'""")) {
            for (int attempt = 0; certificates.size() < count && attempt < count * 2; attempt++) {
                query.setString(1, ScaleShape.loginId(random.nextInt(shape.ids())));
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        certificates.add(rs.getBytes(1));
                    }
                }
            }
        }
        return certificates;
    }
}
