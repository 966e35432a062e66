package certrenewal.application.service;

import static certrenewal.application.service.TestWorld.CRL_VALIDITY;
import static certrenewal.application.service.TestWorld.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.RevocationReason;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CrlServiceTest {
    private final TestWorld world = new TestWorld();
    private final FakeCertificateAuthority authority = world.authority;
    private final CrlService service = world.crl;
    private final Certificate certificate = world.first.certificate();

    @Test
    void aCrlListsTheRevokedCertificatesForItsValidityInWholeSeconds() {
        Instant revokedAt = T0.plus(Duration.ofDays(1));
        world.store.put(certificate.revoke(RevocationReason.KEY_COMPROMISE, revokedAt));
        world.clock.set(T0.plus(Duration.ofDays(2)).plusMillis(750));

        service.publishCrl();

        FakeCertificateAuthority.SignedCrl crl = authority.lastCrl();
        Instant thisUpdate = T0.plus(Duration.ofDays(2));
        assertEquals(List.of(new RevokedCertificate(certificate.serial(), revokedAt, RevocationReason.KEY_COMPROMISE)), crl.revoked());
        assertEquals(thisUpdate, crl.thisUpdate());
        assertEquals(thisUpdate.plus(CRL_VALIDITY), crl.nextUpdate());
        assertEquals(BigInteger.valueOf(thisUpdate.toEpochMilli()), crl.crlNumber());
    }

    @Test
    void theNextUpdateOfTheCrlBeingServedIsReadWithoutSigningOne() {
        service.publishCrl();
        FakeCertificateAuthority.SignedCrl crl = authority.lastCrl();
        assertEquals(java.util.Optional.of(crl.nextUpdate()), service.publishedNextUpdate());

        world.clock.set(crl.nextUpdate().plusSeconds(1)); // past it: what the health check reports as DOWN

        assertEquals(java.util.Optional.of(crl.nextUpdate()), service.publishedNextUpdate());
        assertEquals(crl.crlNumber(), authority.lastCrl().crlNumber(), "reading signs nothing");
    }

    @Test
    void theNextUpdateReportedIsTheNewestStoredCrlsWhicheverNodeSignedIt() {
        CrlService otherNode = new CrlService(world.store, world.crls, authority, CRL_VALIDITY, Duration.ZERO, world.clock);
        assertEquals(java.util.Optional.empty(), otherNode.publishedNextUpdate(), "none stored yet");
        assertEquals(0, authority.crls().size(), "asking signs nothing");

        service.publishCrl();
        world.clock.advance(Duration.ofHours(1));
        world.store.put(certificate.revoke(RevocationReason.KEY_COMPROMISE, world.clock.instant()));
        service.publishCrl();

        assertEquals(java.util.Optional.of(authority.lastCrl().nextUpdate()), otherNode.publishedNextUpdate());
        assertEquals(2, authority.crls().size(), "the other node signed nothing");
    }

    @Test
    void expiredCertificatesLeaveTheCrl() {
        world.store.put(certificate.revoke(RevocationReason.KEY_COMPROMISE, T0.plusSeconds(60)));
        world.clock.set(certificate.notAfter());

        service.publishCrl();

        assertEquals(List.of(), authority.lastCrl().revoked());
    }

    @Test
    void crlNumbersStrictlyIncreaseEvenWhenTheClockStandsStillOrGoesBack() {
        service.publishCrl();
        service.publishCrl();
        world.clock.advance(Duration.ofHours(-1));
        service.publishCrl();

        BigInteger first = BigInteger.valueOf(T0.toEpochMilli());
        assertEquals(List.of(first, first.add(BigInteger.ONE), first.add(BigInteger.TWO)), numbers());
    }

    @Test
    void crlNumbersKeepIncreasingAfterARestartAndAcrossNodesEvenWithAClockBehind() {
        service.publishCrl();
        service.publishCrl();
        world.clock.advance(Duration.ofMinutes(-5));

        new CrlService(world.store, world.crls, authority, CRL_VALIDITY, Duration.ZERO, world.clock).publishCrl();

        List<BigInteger> numbers = numbers();
        assertEquals(numbers.get(1).add(BigInteger.ONE), numbers.get(2), numbers.toString());
        assertEquals(numbers.stream().map(BigInteger::longValue).toList(), world.crls.numbers(), "each one stored");
    }

    @Test
    void everyNodeServesTheNewestStoredCrlAtOnceWithoutSigningItAgain() {
        CrlService otherNode = new CrlService(world.store, world.crls, authority, CRL_VALIDITY, Duration.ZERO, world.clock);
        byte[] before = otherNode.currentCrl();
        world.store.put(certificate.revoke(RevocationReason.KEY_COMPROMISE, T0));

        service.publishCrl();
        int signed = authority.crls().size();

        assertArrayEquals(authority.lastCrl().der(), otherNode.currentCrl());
        assertFalse(java.util.Arrays.equals(before, otherNode.currentCrl()));
        assertEquals(signed, authority.crls().size(), "the other node signed nothing");
    }

    @Test
    void whenTheCrlIsDueOnlyTheFirstNodeSignsANewOne() {
        CrlService otherNode = new CrlService(world.store, world.crls, authority, CRL_VALIDITY, Duration.ZERO, world.clock);
        service.currentCrl();
        world.clock.advance(CRL_VALIDITY.minus(CRL_VALIDITY.dividedBy(4)));

        byte[] first = service.currentCrl();
        byte[] second = otherNode.currentCrl();
        otherNode.publishPending();

        assertEquals(2, authority.crls().size());
        assertArrayEquals(first, second);
    }

    @Test
    void aRevocationHeldBackByTheMinimumIntervalIsSignedByThePeriodicCheckWithoutAnyFetch() {
        CrlService coalescing = new CrlService(world.store, world.crls, authority, CRL_VALIDITY, Duration.ofSeconds(5), world.clock);
        coalescing.publishCrl();
        world.store.put(certificate.revoke(RevocationReason.KEY_COMPROMISE, T0));
        coalescing.publishCrl();
        coalescing.publishPending();
        assertEquals(1, authority.crls().size(), "held back within the interval");

        world.clock.advance(Duration.ofSeconds(5));
        coalescing.publishPending();

        assertEquals(2, authority.crls().size());
        assertEquals(List.of(certificate.serial()), authority.lastCrl().revoked().stream().map(RevokedCertificate::serial).toList());
        coalescing.publishPending();
        assertEquals(2, authority.crls().size(), "nothing more to sign");
    }

    @Test
    void theFirstFetchSignsACrlAndLaterFetchesServeItUntilAQuarterOfItsValidityIsLeft() {
        byte[] first = service.currentCrl();
        assertArrayEquals(authority.lastCrl().der(), first);

        world.clock.advance(CRL_VALIDITY.minus(CRL_VALIDITY.dividedBy(4)).minusSeconds(1));
        assertArrayEquals(first, service.currentCrl());
        assertEquals(1, authority.crls().size());

        world.clock.advance(Duration.ofSeconds(1));
        byte[] refreshed = service.currentCrl();

        assertEquals(2, authority.crls().size());
        assertArrayEquals(authority.lastCrl().der(), refreshed);
    }

    @Test
    void aPublicationAfterARevocationReplacesTheCrlServedAtOnce() {
        service.currentCrl();
        world.store.put(certificate.revoke(RevocationReason.KEY_COMPROMISE, T0));

        service.publishCrl();

        assertArrayEquals(authority.lastCrl().der(), service.currentCrl());
        assertEquals(1, authority.lastCrl().revoked().size());
        assertEquals(2, authority.crls().size());
    }

    @Test
    void aPublicationThatFailedIsRetriedAtTheNextFetch() {
        service.currentCrl();
        world.store.put(certificate.revoke(RevocationReason.KEY_COMPROMISE, T0));
        authority.failCrlSigning(new IllegalStateException("HSM unavailable"));
        assertThrows(IllegalStateException.class, service::publishCrl);
        authority.failCrlSigning(null);

        byte[] served = service.currentCrl();

        assertArrayEquals(authority.lastCrl().der(), served);
        assertEquals(1, authority.lastCrl().revoked().size());
    }

    @Test
    void whileSigningFailsThePreviousCrlIsServedUntilItsNextUpdate() {
        byte[] previous = service.currentCrl();
        authority.failCrlSigning(new IllegalStateException("HSM unavailable"));

        world.clock.advance(CRL_VALIDITY.minusSeconds(1));
        assertArrayEquals(previous, service.currentCrl());

        world.clock.advance(Duration.ofSeconds(1));
        assertThrows(IllegalStateException.class, service::currentCrl);
    }

    @Test
    void withoutAnyCrlASigningFailureIsAnError() {
        authority.failCrlSigning(new IllegalStateException("HSM unavailable"));

        assertThrows(IllegalStateException.class, service::currentCrl);
    }

    @Test
    void callersGetACopy() {
        byte[] first = service.currentCrl();
        first[0] ^= 0x7f;

        assertArrayEquals(authority.lastCrl().der(), service.currentCrl());
    }

    @Test
    void concurrentPublicationsAndFetchesGetStrictlyIncreasingNumbersAndTheNewestCrl() throws Exception {
        int threads = 8;
        int rounds = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                boolean publisher = t % 2 == 0;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        if (publisher) {
                            service.publishCrl();
                        } else {
                            service.currentCrl();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<BigInteger> numbers = numbers();
        // concurrent publications may share one CRL (it is signed after both revocations committed), but none is left out
        assertTrue(numbers.size() >= rounds, "publications signed: " + numbers.size());
        service.publishPending();
        assertEquals(numbers.size(), numbers().size(), "no publication left pending");
        for (int i = 1; i < numbers.size(); i++) {
            assertEquals(numbers.get(i - 1).add(BigInteger.ONE), numbers.get(i), "at " + i);
        }
        assertArrayEquals(authority.lastCrl().der(), service.currentCrl());
    }

    @Test
    void aCrlIsValidForAtLeastAMinute() {
        assertThrows(IllegalArgumentException.class,
                () -> new CrlService(world.store, world.crls, authority, Duration.ofSeconds(30), Duration.ZERO, world.clock));
    }

    private List<BigInteger> numbers() {
        return authority.crls().stream().map(FakeCertificateAuthority.SignedCrl::crlNumber).toList();
    }

    @Test
    void underAStreamOfRevocationsAtMostOneCrlIsSignedPerMinimumIntervalAndNoneIsLost() {
        CrlService coalescing = new CrlService(world.store, world.crls, authority, CRL_VALIDITY, Duration.ofSeconds(5), world.clock);
        coalescing.publishCrl();
        int signed = authority.crls().size();

        world.clock.advance(Duration.ofSeconds(1));
        world.store.put(certificate.revoke(RevocationReason.KEY_COMPROMISE, world.clock.instant()));
        coalescing.publishCrl();
        coalescing.publishCrl();
        byte[] servedMeanwhile = coalescing.currentCrl();

        assertEquals(signed, authority.crls().size(), "no second CRL within the interval");
        assertEquals(List.of(), authority.lastCrl().revoked());
        world.clock.advance(Duration.ofSeconds(4));
        byte[] after = coalescing.currentCrl();
        assertEquals(signed + 1, authority.crls().size());
        assertEquals(List.of(certificate.serial()), authority.lastCrl().revoked().stream().map(RevokedCertificate::serial).toList());
        assertFalse(java.util.Arrays.equals(servedMeanwhile, after));
    }

    @Test
    void theMinimumIntervalIsAtMostAQuarterOfTheValidity() {
        assertThrows(IllegalArgumentException.class,
                () -> new CrlService(world.store, world.crls, authority, Duration.ofHours(1), Duration.ofMinutes(16), world.clock));
        assertThrows(IllegalArgumentException.class,
                () -> new CrlService(world.store, world.crls, authority, Duration.ofHours(1), Duration.ofSeconds(-1), world.clock));
    }
}
