package certrenewal.benchmark.client;

import certrenewal.adapters.pki.ClientCredentials;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.IntStream;

/** A client's new P-256 key and its PKCS#10 request, as a browser or an EST client makes them. */
public record KeyAndRequest(KeyPair keys, byte[] pkcs10Der) {

    /** Made before the timed phases: key generation is the client's work, not the server's. */
    public static List<KeyAndRequest> generate(int count, String commonNamePrefix) {
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            KeyPair keys = ClientCredentials.generateEcP256();
            return new KeyAndRequest(keys, ClientCredentials.certificationRequest(keys, commonNamePrefix + i));
        }).toList();
    }
}
