package certrenewal.adapters.pki;

import certrenewal.application.port.out.RevokedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V2TBSCertListGenerator;
import org.bouncycastle.operator.ContentSigner;

/**
 * The CA's CRL (RFC 5280, 5): issuer, authority key identifier, CRL number and one entry per revoked certificate.
 * It is what BouncyCastle's X509v2CRLBuilder makes, built from the generator beneath it: that builder takes each
 * revocation date as a Date and formats it with a new SimpleDateFormat, which made 100,000 entries take seconds.
 */
final class RevocationListProfile {
    /** RFC 5280, 5.2.3: a CRL number is at most 20 octets. */
    private static final int MAX_CRL_NUMBER_OCTETS = 20;

    private final X500Name issuer;
    /** The same in every CRL, so encoded once. */
    private final Extension authorityKeyIdentifier;

    RevocationListProfile(X509Certificate ca) {
        // the CA's name exactly as encoded in its certificate: relying parties match the CRL's issuer byte for byte
        this.issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
        try {
            this.authorityKeyIdentifier = new Extension(Extension.authorityKeyIdentifier, false,
                    Certificates.authorityKeyIdentifier(ca).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the authority key identifier", e);
        }
    }

    /**
     * @param thisUpdate and {@code nextUpdate} whole seconds, checked by the caller
     * @return the signed CRL, DER
     */
    byte[] sign(ContentSigner signer, List<RevokedCertificate> revoked, Instant thisUpdate, Instant nextUpdate,
                BigInteger crlNumber) {
        Objects.requireNonNull(revoked, "revoked certificates must not be null");
        Objects.requireNonNull(crlNumber, "CRL number must not be null");
        if (crlNumber.signum() < 0 || crlNumber.toByteArray().length > MAX_CRL_NUMBER_OCTETS) {
            throw new IllegalArgumentException("CRL number must be non-negative and fit in 20 octets");
        }
        V2TBSCertListGenerator tbs = new V2TBSCertListGenerator();
        tbs.setSignature(signer.getAlgorithmIdentifier());
        tbs.setIssuer(issuer);
        tbs.setThisUpdate(time(thisUpdate));
        tbs.setNextUpdate(time(nextUpdate));
        for (RevokedCertificate entry : revoked) {
            Objects.requireNonNull(entry, "revoked certificate must not be null");
            Objects.requireNonNull(entry.serial(), "serial number must not be null");
            Objects.requireNonNull(entry.reason(), "revocation reason must not be null");
            // Entries stay ASN.1 objects until the whole list is encoded once. The generator shares one reason
            // extension per code and writes none for 0, unspecified, as RFC 5280, 5.3.1 recommends.
            tbs.addCRLEntry(new ASN1Integer(entry.serial().value()), time(entry.revokedAt()), entry.reason().code());
        }
        tbs.setExtensions(new Extensions(new Extension[] {
            authorityKeyIdentifier, extension(Extension.cRLNumber, new CRLNumber(crlNumber))}));
        TBSCertList list = tbs.generateTBSCertList();
        try {
            try (OutputStream out = signer.getOutputStream()) {
                list.encodeTo(out, ASN1Encoding.DER);
            }
            return new DERSequence(new ASN1Encodable[] {
                list, signer.getAlgorithmIdentifier(), new DERBitString(signer.getSignature())})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the CRL", e);
        }
    }

    /**
     * RFC 5280, 5.1.2.4: UTCTime for the years 1950 to 2049, GeneralizedTime otherwise; whole seconds, in UTC.
     * Read from its DER bytes because BouncyCastle checks a time given as text or Date with a SimpleDateFormat.
     * Revocation times are kept in finer detail than X.509 can say, so they lose the fraction.
     */
    static Time time(Instant instant) {
        Objects.requireNonNull(instant, "time must not be null");
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("X.509 cannot say the year " + year);
        }
        boolean utcTime = year >= 1950 && year < 2050;
        StringBuilder digits = new StringBuilder(15);
        if (utcTime) {
            twoDigits(digits, year % 100);
        } else {
            twoDigits(digits, year / 100);
            twoDigits(digits, year % 100);
        }
        twoDigits(digits, utc.getMonthValue());
        twoDigits(digits, utc.getDayOfMonth());
        twoDigits(digits, utc.getHour());
        twoDigits(digits, utc.getMinute());
        twoDigits(digits, utc.getSecond());
        digits.append('Z');
        byte[] der = new byte[2 + digits.length()];
        der[0] = (byte) (utcTime ? BERTags.UTC_TIME : BERTags.GENERALIZED_TIME);
        der[1] = (byte) digits.length();
        for (int i = 0; i < digits.length(); i++) {
            der[2 + i] = (byte) digits.charAt(i);
        }
        return new Time(utcTime ? ASN1UTCTime.getInstance(der) : ASN1GeneralizedTime.getInstance(der));
    }

    private static void twoDigits(StringBuilder to, int value) {
        to.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static Extension extension(ASN1ObjectIdentifier type, ASN1Encodable value) {
        try {
            return new Extension(type, false, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode extension " + type, e);
        }
    }
}
