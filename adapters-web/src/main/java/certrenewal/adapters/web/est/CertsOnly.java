package certrenewal.adapters.web.est;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

/** The "certs-only" CMS SignedData that EST replies with (RFC 7030, 4.1.3 and 4.2.3), base64 as MIME wants. */
final class CertsOnly {
    private CertsOnly() {
    }

    static String base64(List<byte[]> certificatesDer) {
        try {
            List<X509CertificateHolder> holders = new ArrayList<>();
            for (byte[] der : certificatesDer) {
                holders.add(new X509CertificateHolder(der));
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(holders));
            byte[] der = generator.generate(new CMSAbsentContent()).toASN1Structure().getEncoded(ASN1Encoding.DER);
            // LF, not MIME's CRLF: GNU base64 -d, which EST users pipe the reply into, rejects CR.
            return Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CMSException e) {
            throw new IllegalStateException("cannot build the certs-only reply", e);
        }
    }
}
