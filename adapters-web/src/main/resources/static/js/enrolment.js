// Browser-side certificate enrolment: key generation, PKCS#10 request, PKCS#12 packaging.
//
// The private key is generated here with WebCrypto and never leaves the browser: only the
// PKCS#10 request (public key + signature) is meant to be sent to the server; the PKCS#12
// built from the issued certificate is handed to the user as a download.
//
// ASN.1/PKCS work is done by PKI.js (vendored under ./vendor, see ./vendor/README.md). Its
// modules use bare specifiers, so the page must define the import map in ./importmap.json
// (inline, in a <script type="importmap">, before any module script).
//
// Browser baseline: ES2022 (class static blocks), import maps, WebCrypto in a secure context
// (HTTPS or localhost): Chrome/Edge 94+, Firefox 108+, Safari 16.4+.

import * as asn1js from 'asn1js';
import {
  Attribute,
  AttributeTypeAndValue,
  AuthenticatedSafe,
  CertBag,
  Certificate,
  CertificationRequest,
  PFX,
  PKCS8ShroudedKeyBag,
  PrivateKeyInfo,
  PublicKeyInfo,
  SafeBag,
  SafeContents,
} from 'pkijs';

const OID = Object.freeze({
  commonName: '2.5.4.3',
  friendlyName: '1.2.840.113549.1.9.20', // PKCS#9 friendlyName (BMPString)
  localKeyId: '1.2.840.113549.1.9.21', // PKCS#9 localKeyId (OCTET STRING)
  x509Certificate: '1.2.840.113549.1.9.22.1', // PKCS#9 certTypes: x509Certificate
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
});

/** Key algorithms offered to the user, as WebCrypto generateKey parameters. */
const KEY_ALGORITHMS = Object.freeze({
  'P-256': Object.freeze({ name: 'ECDSA', namedCurve: 'P-256' }),
  'RSA-2048': Object.freeze({
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([0x01, 0x00, 0x01]), // 65537
    hash: 'SHA-256',
  }),
});

/**
 * PKCS#12 protection as OpenSSL 3 writes by default (and Windows 10 1709+ reads), but with 100,000 iterations
 * where OpenSSL takes 2048: the file leaves the bank, so its password must withstand guessing offline. More would
 * slow the MAC's RFC 7292 KDF, which runs in script; OpenSSL and NSS import it in well under a second.
 */
const PKCS12_MIN_ITERATIONS = 100000;
const PKCS12_CIPHER = Object.freeze({ name: 'AES-CBC', length: 256 }); // PBES2 encryption scheme
const PKCS12_HASH = 'SHA-256'; // PBKDF2 PRF (HMAC-SHA256) and MAC (HMAC-SHA256, RFC 7292 B.2 KDF)

function subtle() {
  const c = globalThis.crypto;
  if (!c || !c.subtle) {
    throw new Error('WebCrypto is not available: the page must be served over HTTPS (or from localhost).');
  }
  return c.subtle;
}

function toBytes(data, what) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`${what} must be a Uint8Array or an ArrayBuffer`);
}

/** A fresh ArrayBuffer holding exactly these bytes (PKI.js wants ArrayBuffers of the right size). */
function toArrayBuffer(bytes) {
  return bytes.slice().buffer;
}

function bytesToBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function parseCertificate(der, what) {
  const bytes = toBytes(der, what);
  try {
    return { bytes, certificate: Certificate.fromBER(toArrayBuffer(bytes)) };
  } catch (e) {
    throw new Error(`${what} is not a DER X.509 certificate: ${e instanceof Error ? e.message : e}`);
  }
}

function subjectCommonName(certificate) {
  const cn = certificate.subject.typesAndValues.find((tv) => tv.type === OID.commonName);
  return cn ? String(cn.value.valueBlock.value) : '';
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * Generates an extractable key pair and a PKCS#10 certification request signed with it.
 *
 * @param {{ algorithm?: 'P-256' | 'RSA-2048', commonName: string }} options
 *   algorithm: 'P-256' (ECDSA P-256 with SHA-256, the default) or 'RSA-2048'
 *   (RSASSA-PKCS1-v1_5, 2048 bits, e = 65537, SHA-256); commonName: the request's subject CN.
 * @returns {Promise<{ keyPair: CryptoKeyPair, csrDer: Uint8Array, csrBase64: string }>}
 *   keyPair stays in the page (keep it for buildPkcs12); csrDer / csrBase64 (DER, base64 without
 *   line breaks) are what may be sent to the server.
 */
export async function createKeyAndRequest({ algorithm = 'P-256', commonName } = {}) {
  const keyAlgorithm = KEY_ALGORITHMS[algorithm];
  if (!keyAlgorithm) {
    throw new Error(`Unsupported key algorithm "${algorithm}": use one of ${Object.keys(KEY_ALGORITHMS).join(', ')}`);
  }
  if (typeof commonName !== 'string' || commonName.length === 0) {
    throw new Error('commonName must be a non-empty string');
  }

  // Extractable: the private key has to be exported (encrypted) into the PKCS#12 later.
  const keyPair = await subtle().generateKey(keyAlgorithm, true, ['sign', 'verify']);

  const csr = new CertificationRequest();
  csr.version = 0;
  csr.subject.typesAndValues.push(
    new AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: commonName }) }),
  );
  await csr.subjectPublicKeyInfo.importKey(keyPair.publicKey);
  csr.attributes = []; // PKCS#10 requires the (here empty) [0] attributes field
  await csr.sign(keyPair.privateKey, 'SHA-256');

  const csrDer = new Uint8Array(csr.toSchema().toBER(false));
  return { keyPair, csrDer, csrBase64: bytesToBase64(csrDer) };
}

/**
 * Packages the private key, its certificate and the CA chain into a password-protected PKCS#12.
 *
 * Layout (as `openssl pkcs12 -export` of OpenSSL 3 writes it): an unencrypted SafeContents with
 * the private key in a pkcs8ShroudedKeyBag, and a password-encrypted SafeContents with the
 * certificate followed by the CA certificates; key and certificate bags carry the same
 * friendlyName and localKeyId (SHA-1 of the certificate). Key and certificates are encrypted with
 * PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC); the whole is protected by an HMAC-SHA256 MAC keyed by
 * the RFC 7292 Appendix B KDF. The same password and iteration count serve both.
 *
 * @param {{ keyPair: CryptoKeyPair, certificateDer: Uint8Array | ArrayBuffer,
 *           caCertificatesDer?: Array<Uint8Array | ArrayBuffer>, password: string,
 *           friendlyName?: string, iterations?: number }} options
 *   keyPair: from createKeyAndRequest (its private key must be extractable);
 *   certificateDer: the issued certificate, which must hold keyPair's public key;
 *   friendlyName: defaults to the certificate's subject CN; iterations: at least 100,000 (default).
 * @returns {Promise<Uint8Array>} the PKCS#12 (PFX), DER
 */
export async function buildPkcs12({
  keyPair,
  certificateDer,
  caCertificatesDer = [],
  password,
  friendlyName,
  iterations = PKCS12_MIN_ITERATIONS,
} = {}) {
  if (!keyPair || !keyPair.privateKey || !keyPair.publicKey) {
    throw new Error('keyPair must be the CryptoKeyPair returned by createKeyAndRequest');
  }
  if (!keyPair.privateKey.extractable) {
    throw new Error('The private key is not extractable: it cannot be put into a PKCS#12');
  }
  if (typeof password !== 'string' || password.length === 0) {
    throw new Error('password must be a non-empty string');
  }
  if (!Number.isInteger(iterations) || iterations < PKCS12_MIN_ITERATIONS) {
    throw new Error(`iterations must be an integer of at least ${PKCS12_MIN_ITERATIONS}`);
  }
  if (!Array.isArray(caCertificatesDer)) {
    throw new TypeError('caCertificatesDer must be an array of DER certificates');
  }

  const leaf = parseCertificate(certificateDer, 'certificateDer');
  const chain = caCertificatesDer.map((der, i) => parseCertificate(der, `caCertificatesDer[${i}]`));

  // Refuse to package a certificate that is not for this key.
  const ownSpki = PublicKeyInfo.fromBER(await subtle().exportKey('spki', keyPair.publicKey));
  const certSpki = leaf.certificate.subjectPublicKeyInfo;
  if (ownSpki.algorithm.algorithmId !== certSpki.algorithm.algorithmId
    || !sameBytes(ownSpki.subjectPublicKey.valueBlock.valueHexView, certSpki.subjectPublicKey.valueBlock.valueHexView)) {
    throw new Error('The certificate does not belong to this key pair (public keys differ)');
  }

  const name = typeof friendlyName === 'string' && friendlyName.length > 0
    ? friendlyName
    : subjectCommonName(leaf.certificate) || 'certificate';
  const localKeyId = await subtle().digest('SHA-1', leaf.bytes); // what OpenSSL uses
  const bagAttributes = () => [
    new Attribute({ type: OID.friendlyName, values: [new asn1js.BmpString({ value: name })] }),
    new Attribute({ type: OID.localKeyId, values: [new asn1js.OctetString({ valueHex: localKeyId.slice(0) })] }),
  ];

  const passwordBytes = new TextEncoder().encode(password);
  const encryption = () => ({
    password: toArrayBuffer(passwordBytes),
    contentEncryptionAlgorithm: { ...PKCS12_CIPHER },
    hmacHashAlgorithm: PKCS12_HASH,
    iterationCount: iterations,
  });

  // Private key: PKCS#8 PrivateKeyInfo, encrypted into an EncryptedPrivateKeyInfo.
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', keyPair.privateKey));
  let keyBag;
  try {
    keyBag = new PKCS8ShroudedKeyBag({ parsedValue: PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8)) });
    await keyBag.makeInternalValues(encryption());
  } finally {
    pkcs8.fill(0); // best effort: do not leave the clear key lying around
  }
  delete keyBag.parsedValue;

  const certBag = ({ bytes }) => new CertBag({
    certId: OID.x509Certificate,
    certValue: new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) }), // the DER exactly as issued
  });

  const pfx = new PFX({
    parsedValue: {
      integrityMode: 0, // password MAC
      authenticatedSafe: new AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0, // plain: the key bag is encrypted by itself
              value: new SafeContents({
                safeBags: [new SafeBag({ bagId: OID.pkcs8ShroudedKeyBag, bagValue: keyBag, bagAttributes: bagAttributes() })],
              }),
            },
            {
              privacyMode: 1, // password-encrypted
              value: new SafeContents({
                safeBags: [
                  new SafeBag({ bagId: OID.certBag, bagValue: certBag(leaf), bagAttributes: bagAttributes() }),
                  ...chain.map((ca) => new SafeBag({ bagId: OID.certBag, bagValue: certBag(ca) })),
                ],
              }),
            },
          ],
        },
      }),
    },
  });

  await pfx.parsedValue.authenticatedSafe.makeInternalValues({ safeContents: [{}, encryption()] });
  await pfx.makeInternalValues({
    password: toArrayBuffer(passwordBytes),
    iterations,
    pbkdf2HashAlgorithm: PKCS12_HASH,
    hmacHashAlgorithm: PKCS12_HASH,
  });
  return new Uint8Array(pfx.toSchema().toBER(false));
}

/**
 * Offers bytes to the user as a file download (Blob + object URL + a temporary <a download>).
 *
 * @param {Uint8Array | ArrayBuffer} bytes
 * @param {string} fileName e.g. 'demo-user1.p12'
 * @param {string} [mimeType='application/x-pkcs12']
 */
export function downloadBytes(bytes, fileName, mimeType = 'application/x-pkcs12') {
  if (typeof fileName !== 'string' || fileName.length === 0) {
    throw new Error('fileName must be a non-empty string');
  }
  const blob = new Blob([toBytes(bytes, 'bytes')], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; give it time to start.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/**
 * SHA-256 fingerprint of DER bytes (e.g. a certificate), as shown by
 * `openssl x509 -noout -fingerprint -sha256`: upper-case hex pairs joined by colons.
 *
 * @param {Uint8Array | ArrayBuffer} der
 * @returns {Promise<string>} e.g. 'AB:01:…' (32 pairs)
 */
export async function fingerprintSha256Hex(der) {
  const digest = new Uint8Array(await subtle().digest('SHA-256', toBytes(der, 'der')));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
