package certrenewal.adapters.pki;

/** The kind of key a newly created CA gets; an existing keystore keeps whatever key it holds. */
public enum CaKeyType {
    /** EC secp256r1, signing SHA256withECDSA: the default, and several times faster than RSA. */
    P256,
    /** RSA 2048 bits, signing SHA256withRSA: for relying parties that cannot handle EC. */
    RSA2048
}
