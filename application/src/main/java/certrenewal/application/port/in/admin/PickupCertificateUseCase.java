package certrenewal.application.port.in.admin;

import certrenewal.application.port.in.IssuedCertificate;

/**
 * 証明書取得: an ID without a certificate obtains one with its login password and its one-time
 * issuance password. Failures slow the ID's next attempts down rather than lock its login; the
 * issuance password works once and only until its deadline.
 */
public interface PickupCertificateUseCase {
    /** Checks the credentials before the browser makes a key. @throws certrenewal.application.port.in.RequestRefusedException */
    void verify(PickupCredentials credentials);

    /** Issues the certificate for the request and uses up the issuance password. */
    IssuedCertificate pickUp(PickupCredentials credentials, byte[] pkcs10Der);
}
