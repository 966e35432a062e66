package certrenewal.adapters.pki;

import certrenewal.application.port.out.MalformedOcspRequestException;
import certrenewal.application.port.out.OcspResponderPort;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.RevocationStatus;
import certrenewal.domain.certificate.SerialNumber;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CA's OCSP responder (RFC 6960) with BouncyCastle: answers signed by the delegated responder key
 * ({@link OcspResponderKeyStore}), identified by its key hash and carrying its certificate, so that a relying party
 * holding the CA certificate verifies them. Thread-safe; the signing key can be replaced while it answers.
 */
public final class BouncyCastleOcspResponder implements OcspResponderPort {
    /** More certificates in one request are refused as malformed: nobody needs them, and each costs a look-up. */
    static final int MAX_CERTIFICATES_PER_REQUEST = 20;

    private final X509CertificateHolder ca;
    private final DigestCalculatorProvider digests;
    private final SignatureProviders providers;
    private final AtomicReference<Signing> signing = new AtomicReference<>();

    /** The responder's key with what is derived from it once: its ID (by key hash) and the chain sent with answers. */
    private record Signing(SignerPool signers, RespID id, X509CertificateHolder[] chain) {
        BasicOCSPRespBuilder builder() {
            return new BasicOCSPRespBuilder(id);
        }
    }

    public BouncyCastleOcspResponder(X509Certificate ca, OcspSigningKeyMaterial responder) {
        this(ca, responder, SignatureCode.AWS_LC_WHERE_USABLE);
    }

    /** @param signatureCode what makes the answers' signatures with a responder key in memory */
    public BouncyCastleOcspResponder(X509Certificate ca, OcspSigningKeyMaterial responder, SignatureCode signatureCode) {
        Objects.requireNonNull(ca, "CA certificate must not be null");
        this.providers = SignatureProviders.of(signatureCode);
        try {
            this.ca = new X509CertificateHolder(ca.getEncoded());
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Certificates.BC).build();
        } catch (IOException | CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalStateException("cannot set up the OCSP responder", e);
        }
        useSigningKey(responder);
    }

    /** From now on answers are signed with {@code responder} (a renewed responder certificate). */
    public void useSigningKey(OcspSigningKeyMaterial responder) {
        Objects.requireNonNull(responder, "responder key material must not be null");
        try {
            // RFC 6960, 4.2.1: byKey is the SHA-1 of the responder's public key
            DigestCalculator sha1 = digests.get(RespID.HASH_SHA1);
            RespID id = new RespID(Certificates.subjectPublicKeyInfo(responder.certificate().getPublicKey()), sha1);
            X509CertificateHolder[] chain = {new X509CertificateHolder(responder.certificate().getEncoded())};
            signing.set(new Signing(new SignerPool(responder.privateKey(), providers), id, chain));
        } catch (IOException | CertificateEncodingException | OperatorCreationException | OCSPException e) {
            throw new IllegalStateException("cannot use the OCSP responder's key", e);
        }
    }

    @Override
    public OcspQuestion read(byte[] der) {
        Objects.requireNonNull(der, "request must not be null");
        OCSPReq request;
        Req[] asked;
        Extension nonce;
        try {
            request = new OCSPReq(der);
            asked = request.getRequestList();
            nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        } catch (IOException | RuntimeException e) {
            throw new MalformedOcspRequestException("not a DER OCSPRequest", e);
        }
        if (asked.length == 0 || asked.length > MAX_CERTIFICATES_PER_REQUEST) {
            throw new MalformedOcspRequestException("an OCSP request asks about 1 to " + MAX_CERTIFICATES_PER_REQUEST
                    + " certificates, not " + asked.length);
        }
        List<AskedCertificate> certificates = new ArrayList<>(asked.length);
        for (Req one : asked) {
            CertificateID id = one.getCertID();
            try {
                certificates.add(new AskedCertificate(id.toASN1Primitive().getEncoded(ASN1Encoding.DER),
                        ourSerial(id)));
            } catch (IOException e) {
                throw new MalformedOcspRequestException("a CertID cannot be encoded", e);
            }
        }
        return new OcspQuestion(certificates,
                Optional.ofNullable(nonce).map(n -> n.getExtnValue().getOctets()));
    }

    @Override
    public byte[] answer(OcspQuestion question, List<RevocationStatus> statuses, Instant producedAt) {
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(producedAt, "producedAt must not be null");
        if (statuses.size() != question.certificates().size()) {
            throw new IllegalArgumentException("one status per certificate asked about");
        }
        Signing signer = signing.get();
        Date now = Certificates.date(producedAt);
        BasicOCSPRespBuilder builder = signer.builder();
        for (int i = 0; i < statuses.size(); i++) {
            CertificateID id = new CertificateID(CertID.getInstance(question.certificates().get(i).certId()));
            builder.addResponse(id, status(statuses.get(i)), now, (Date) null); // no nextUpdate: ask again for news
        }
        question.nonce().ifPresent(nonce -> builder.setResponseExtensions(new Extensions(
                new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce))));
        try {
            BasicOCSPResp basic = signer.signers().withSigner(contentSigner -> {
                try {
                    return builder.build(contentSigner, signer.chain(), now);
                } catch (OCSPException e) {
                    throw new IllegalStateException("cannot sign the OCSP response", e);
                }
            });
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException("cannot encode the OCSP response", e);
        }
    }

    @Override
    public byte[] refusal(Refusal refusal) {
        int status = switch (refusal) {
            case MALFORMED_REQUEST -> OCSPRespBuilder.MALFORMED_REQUEST;
            case INTERNAL_ERROR -> OCSPRespBuilder.INTERNAL_ERROR;
        };
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException("cannot encode an OCSP refusal", e);
        }
    }

    /** The serial when the CertID names this CA (by name and key hash, in its own hash algorithm); else empty. */
    private Optional<SerialNumber> ourSerial(CertificateID id) {
        try {
            if (!id.matchesIssuer(ca, digests)) {
                return Optional.empty();
            }
        } catch (OCSPException | RuntimeException e) {
            return Optional.empty(); // a hash algorithm we do not know: not a CertID of ours
        }
        BigInteger serial = id.getSerialNumber();
        try {
            return Optional.of(new SerialNumber(serial));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // never issued: not positive, or longer than a serial can be
        }
    }

    private static CertificateStatus status(RevocationStatus status) {
        return switch (status) {
            case RevocationStatus.Good good -> CertificateStatus.GOOD;
            case RevocationStatus.Unknown unknown -> new UnknownStatus();
            case RevocationStatus.Revoked revoked -> revoked.reason() == RevocationReason.UNSPECIFIED
                    // RFC 5280, 5.3.1: no reason code rather than unspecified
                    ? new RevokedStatus(new RevokedInfo(new ASN1GeneralizedTime(Certificates.date(revoked.revokedAt())), null))
                    : new RevokedStatus(Certificates.date(revoked.revokedAt()), revoked.reason().code());
        };
    }
}
