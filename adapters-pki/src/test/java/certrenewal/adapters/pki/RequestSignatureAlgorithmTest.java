package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.CertificateRequestRejectedException;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which signatures prove possession of the key: requests made by the real {@code openssl req} with every digest
 * and RSA-PSS option it offers, and, for what OpenSSL will not write, its requests with the signature algorithm
 * re-encoded (the algorithm identifier lies outside the signed part of a PKCS#10 request, so anyone can change it).
 */
class RequestSignatureAlgorithmTest {
    private static final String SUBJECT = "/CN=anyone";
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @TempDir
    static Path dir;

    private final CertificationRequestCheck check = new CertificationRequestCheck(new RequestKeyPolicy(),
            SignatureProviders.of(SignatureCode.AWS_LC_WHERE_USABLE));

    @BeforeAll
    static void makeKeys() {
        OpenSsl.succeed(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        OpenSsl.succeed(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key");
    }

    // --- accepted ---

    @ParameterizedTest
    @ValueSource(strings = {"-sha256", "-sha384", "-sha512"})
    void acceptsPkcs1RsaWithSha2(String digest) {
        byte[] csr = request("rsa.key", digest);

        assertTrue(text(csr).contains("Signature Algorithm: " + digest.substring(1) + "WithRSAEncryption"), text(csr));
        assertEquals("RSA 2048", check.check(csr).keyDescription());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-sha256", "-sha384", "-sha512"})
    void acceptsEcdsaWithSha2(String digest) {
        byte[] csr = request("ec.key", digest);

        assertTrue(text(csr).contains("Signature Algorithm: ecdsa-with-SHA" + digest.substring(4)), text(csr));
        assertEquals("EC P-256", check.check(csr).keyDescription());
    }

    @Test
    void acceptsRsaPssWithSha256AndOpenSslsDefaultMaximalSalt() {
        byte[] csr = request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss");

        assertPss(csr, "sha256", "mgf1 with sha256", "0xDE");
        assertEquals("RSA 2048", check.check(csr).keyDescription());
    }

    @Test
    void acceptsRsaPssWithSha256AndASaltAsLongAsTheHash() {
        byte[] csr = request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32");

        assertPss(csr, "sha256", "mgf1 with sha256", "0x20");
        assertEquals("RSA 2048", check.check(csr).keyDescription());
    }

    @Test
    void acceptsRsaPssWithSha384() {
        byte[] csr = request("rsa.key", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest",
                "-sigopt", "rsa_mgf1_md:sha384");

        assertPss(csr, "sha384", "mgf1 with sha384", "0x30");
        assertEquals("RSA 2048", check.check(csr).keyDescription());
    }

    @Test
    void acceptsRsaPssWithSha512() {
        byte[] csr = request("rsa.key", "-sha512", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest");

        assertPss(csr, "sha512", "mgf1 with sha512", "0x40");
        assertEquals("RSA 2048", check.check(csr).keyDescription());
    }

    // --- refused: weak hashes ---

    @Test
    void refusesRsaPssOverSha1() {
        byte[] csr = request("rsa.key", "-sha1", "-sigopt", "rsa_padding_mode:pss");

        assertPss(csr, "sha1 (default)", "mgf1 with sha1 (default)", "0xEA");
        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request is signed with RSA-PSS over SHA1; sign it with SHA-256 or stronger.", csr);
    }

    @Test
    void refusesRsaPssOverSha1WithTheSaltOfTheHashLength() {
        byte[] csr = request("rsa.key", "-sha1", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest");

        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request is signed with RSA-PSS over SHA1; sign it with SHA-256 or stronger.", csr);
    }

    @Test
    void refusesRsaPssOverSha224() {
        byte[] csr = request("rsa.key", "-sha224", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest");

        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request is signed with RSA-PSS over SHA224; sign it with SHA-256 or stronger.", csr);
    }

    @Test
    void refusesRsaPssWithoutParametersWhichMeansSha1() {
        byte[] csr = withSignatureAlgorithm(request("rsa.key", "-sha1", "-sigopt", "rsa_padding_mode:pss",
                "-sigopt", "rsa_pss_saltlen:20"), new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS));

        assertRefused(Code.BAD_REQUEST_SIGNATURE, "The certificate request is signed with RSA-PSS without parameters,"
                + " which means SHA-1; sign it with SHA-256 or stronger.", csr);
    }

    @Test
    void refusesPkcs1RsaWithSha1() {
        byte[] csr = request("rsa.key", "-sha1");

        assertTrue(text(csr).contains("Signature Algorithm: sha1WithRSAEncryption"), text(csr));
        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request is signed with SHA1WITHRSA; sign it with SHA-256 or stronger.", csr);
    }

    @Test
    void refusesPkcs1RsaWithMd5AndSha224() {
        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request is signed with MD5WITHRSA; sign it with SHA-256 or stronger.",
                request("rsa.key", "-md5"));
        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request is signed with SHA224WITHRSA; sign it with SHA-256 or stronger.",
                request("rsa.key", "-sha224"));
    }

    @Test
    void refusesEcdsaWithSha1AndSha224() {
        byte[] sha1 = request("ec.key", "-sha1");

        assertTrue(text(sha1).contains("Signature Algorithm: ecdsa-with-SHA1"), text(sha1));
        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request is signed with ECDSAWITHSHA1; sign it with SHA-256 or stronger.", sha1);
        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request is signed with SHA224WITHECDSA; sign it with SHA-256 or stronger.",
                request("ec.key", "-sha224"));
    }

    // --- refused: RSA-PSS parameters other than the hash ---

    @Test
    void refusesRsaPssWhoseMgf1UsesSha1() {
        byte[] csr = request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_mgf1_md:sha1");

        assertPss(csr, "sha256", "mgf1 with sha1 (default)", "0xDE");
        assertRefused(Code.BAD_REQUEST_SIGNATURE, "The certificate request's RSA-PSS signature hashes with SHA-256"
                + " but uses MGF1 with SHA1; use SHA-256 for both.", csr);
    }

    @Test
    void refusesRsaPssWhoseMgf1UsesAnotherStrongHash() {
        byte[] csr = request("rsa.key", "-sha512", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_mgf1_md:sha256");

        assertRefused(Code.BAD_REQUEST_SIGNATURE, "The certificate request's RSA-PSS signature hashes with SHA-512"
                + " but uses MGF1 with SHA-256; use SHA-512 for both.", csr);
    }

    @Test
    void refusesRsaPssWithASaltShorterThanTheHash() {
        byte[] csr = request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:16");

        assertPss(csr, "sha256", "mgf1 with sha256", "0x10");
        assertRefused(Code.BAD_REQUEST_SIGNATURE, "The certificate request's RSA-PSS salt is 16 bytes long;"
                + " with SHA-256 it must be at least 32 bytes.", csr);
    }

    @Test
    void refusesRsaPssWithoutSalt() {
        assertRefused(Code.BAD_REQUEST_SIGNATURE, "The certificate request's RSA-PSS salt is 0 bytes long;"
                + " with SHA-256 it must be at least 32 bytes.",
                request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:0"));
    }

    @Test
    void theLeastSaltGrowsWithTheHash() {
        byte[] csr = request("rsa.key", "-sha512", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32");

        assertRefused(Code.BAD_REQUEST_SIGNATURE, "The certificate request's RSA-PSS salt is 32 bytes long;"
                + " with SHA-512 it must be at least 64 bytes.", csr);
    }

    @Test
    void refusesRsaPssWithATrailerFieldOtherThanOne() {
        byte[] csr = pssWith(request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss",
                "-sigopt", "rsa_pss_saltlen:32"), 32, 2);

        assertRefused(Code.BAD_REQUEST_SIGNATURE,
                "The certificate request's RSA-PSS trailer field is 2; only 1 is defined.", csr);
    }

    @Test
    void refusesRsaPssWithAnotherMaskGenerationFunction() {
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
        RSASSAPSSparams parameters = new RSASSAPSSparams(sha256,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_pSpecified, sha256), new ASN1Integer(32), new ASN1Integer(1));
        byte[] csr = withSignatureAlgorithm(request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss",
                "-sigopt", "rsa_pss_saltlen:32"), new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, parameters));

        assertRefused(Code.BAD_REQUEST_SIGNATURE, "The certificate request's RSA-PSS signature uses the mask generation"
                + " function " + PKCSObjectIdentifiers.id_pSpecified.getId() + "; only MGF1 is accepted.", csr);
    }

    @Test
    void refusesRsaPssParametersThatDoNotParseAsMalformed() {
        byte[] csr = withSignatureAlgorithm(request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss"),
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, new DEROctetString(new byte[] {1, 2, 3})));

        assertRefused(Code.MALFORMED_REQUEST, "The certificate request's RSA-PSS parameters could not be read.", csr);
    }

    // --- the declared parameters are the ones the signature is verified with ---

    @Test
    void aStrongSaltClaimedForASignatureMadeWithAnotherSaltDoesNotVerify() {
        byte[] csr = pssWith(request("rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss",
                "-sigopt", "rsa_pss_saltlen:32"), 48, 1);

        assertRefused(Code.BAD_REQUEST_SIGNATURE, Code.BAD_REQUEST_SIGNATURE.defaultMessage(), csr);
    }

    @Test
    void rsaPssOnAnEcKeyDoesNotVerify() {
        byte[] csr = pssWith(request("ec.key", "-sha256"), 32, 1);

        assertRefused(Code.BAD_REQUEST_SIGNATURE, Code.BAD_REQUEST_SIGNATURE.defaultMessage(), csr);
    }

    @Test
    void anRsaPssOnlyKeyIsRefusedAsAKeyType() {
        OpenSsl.succeed(dir, "genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pss-only.key");

        assertRefused(Code.KEY_NOT_ACCEPTED, "Key type RSA-PSS is not accepted; use EC P-256/P-384 or RSA.",
                request("pss-only.key", "-sha256"));
    }

    private void assertRefused(Code code, String message, byte[] csr) {
        CertificateRequestRejectedException refused = assertThrows(CertificateRequestRejectedException.class,
                () -> check.check(csr));
        assertEquals(Rejection.of(code, message), refused.rejection());
    }

    /** What OpenSSL itself reads in the request's RSA-PSS parameters. */
    private static void assertPss(byte[] csr, String hash, String mask, String salt) {
        String text = text(csr);
        assertTrue(text.contains("Signature Algorithm: rsassaPss"), text);
        assertTrue(text.contains("Hash Algorithm: " + hash + "\n"), text);
        assertTrue(text.contains("Mask Algorithm: " + mask + "\n"), text);
        assertTrue(text.contains("Salt Length: " + salt + "\n"), text);
    }

    /** {@code openssl req -new} for a key made in {@link #makeKeys()}, with these digest and signature options. */
    private static byte[] request(String key, String... options) {
        String name = "request-" + REQUESTS.incrementAndGet() + ".der";
        List<String> command = new ArrayList<>(List.of("req", "-new", "-key", key, "-subj", SUBJECT,
                "-outform", "DER", "-out", name));
        command.addAll(List.of(options));
        OpenSsl.succeed(dir, command.toArray(String[]::new));
        return OpenSsl.read(dir.resolve(name));
    }

    private static String text(byte[] csr) {
        String name = "text-" + REQUESTS.incrementAndGet() + ".der";
        write(dir.resolve(name), csr);
        return OpenSsl.succeed(dir, "req", "-inform", "DER", "-in", name, "-noout", "-text");
    }

    /** The request with RSA-PSS over SHA-256, MGF1-SHA-256 and this salt and trailer field claimed for its signature. */
    private static byte[] pssWith(byte[] csr, int saltLength, int trailerField) {
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
        RSASSAPSSparams parameters = new RSASSAPSSparams(sha256, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1,
                sha256), new ASN1Integer(saltLength), new ASN1Integer(trailerField));
        return withSignatureAlgorithm(csr, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, parameters));
    }

    private static byte[] withSignatureAlgorithm(byte[] csr, AlgorithmIdentifier algorithm) {
        CertificationRequest request = CertificationRequest.getInstance(csr);
        ASN1Encodable changed = new CertificationRequest(request.getCertificationRequestInfo(), algorithm,
                request.getSignature());
        try {
            return changed.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            java.nio.file.Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
