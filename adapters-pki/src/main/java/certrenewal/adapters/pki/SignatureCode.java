package certrenewal.adapters.pki;

/**
 * Which code makes and checks the CA's signatures when its key is in memory (a key in a PKCS#11 token signs there
 * whatever the choice). The choice is the bank's: AWS-LC is several times as fast, and the CA's private key then
 * passes into a native library; BouncyCastle keeps everything in Java.
 */
public enum SignatureCode {
    /**
     * AWS-LC's native code (Amazon Corretto Crypto Provider) where its library loads and passes its self-tests, else
     * BouncyCastle.
     */
    AWS_LC_WHERE_USABLE,
    /** BouncyCastle only: AWS-LC's library is never loaded. */
    BOUNCY_CASTLE_ONLY;

    /**
     * What makes and checks the signatures with this choice on this machine, for the start's log: {@code AWS-LC
     * (Amazon Corretto Crypto Provider 2.5.0)}, or BouncyCastle and why. The first use of {@link #AWS_LC_WHERE_USABLE}
     * loads the library and runs its self-tests.
     */
    public String description() {
        return SignatureProviders.of(this).description();
    }
}
