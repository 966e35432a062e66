import { toArrayBuffer, toUint8Array } from "../bytes/buffer-source.js";
import { convert } from "../converters/convert.js";
//#region src/legacy/convert.ts
function normalizeTextEncoding(encoding) {
	return encoding === "ascii" ? "binary" : encoding;
}
function isUtf8Encoding(encoding) {
	const name = encoding.toLowerCase();
	return name === "utf8" || name === "utf-8";
}
const LONE_SURROGATE = /\p{Cs}/u;
function encodeUtf8Strict(text) {
	if (LONE_SURROGATE.test(text)) throw new TypeError("The string contains lone surrogates and cannot be encoded as UTF-8");
	return toArrayBuffer(new TextEncoder().encode(text));
}
function decodeUtf8Strict(data) {
	return new TextDecoder("utf-8", {
		fatal: true,
		ignoreBOM: true
	}).decode(toUint8Array(data));
}
var Convert = class Convert {
	static DEFAULT_UTF8_ENCODING = "utf8";
	static isHex(data) {
		return convert.isHex(data);
	}
	static isBase64(data) {
		return convert.isBase64(data);
	}
	static isBase64Url(data) {
		return convert.isBase64Url(data);
	}
	static ToString(buffer, enc = "utf8") {
		if (isUtf8Encoding(enc)) return decodeUtf8Strict(buffer);
		return convert.toString(buffer, enc);
	}
	static FromString(str, enc = "utf8") {
		if (!str) return /* @__PURE__ */ new ArrayBuffer(0);
		if (isUtf8Encoding(enc)) return encodeUtf8Strict(str);
		return convert.fromString(str, enc);
	}
	static ToBase64(buffer) {
		return convert.toBase64(buffer);
	}
	static FromBase64(base64) {
		return convert.fromBase64(base64);
	}
	static FromBase64Url(base64url) {
		return convert.fromBase64Url(base64url);
	}
	static ToBase64Url(data) {
		return convert.toBase64Url(data);
	}
	static FromUtf8String(text, encoding = Convert.DEFAULT_UTF8_ENCODING) {
		if (isUtf8Encoding(encoding)) return encodeUtf8Strict(text);
		return convert.fromString(text, normalizeTextEncoding(encoding));
	}
	static ToUtf8String(buffer, encoding = Convert.DEFAULT_UTF8_ENCODING) {
		if (isUtf8Encoding(encoding)) return decodeUtf8Strict(buffer);
		return convert.toString(buffer, normalizeTextEncoding(encoding));
	}
	static FromBinary(text) {
		return convert.fromBinary(text);
	}
	static ToBinary(buffer) {
		return convert.toBinary(buffer);
	}
	static ToHex(buffer) {
		return convert.toHex(buffer);
	}
	static FromHex(hexString) {
		return convert.fromHex(hexString);
	}
	static ToUtf16String(buffer, littleEndian = false) {
		return convert.toUtf16String(buffer, littleEndian);
	}
	static FromUtf16String(text, littleEndian = false) {
		return convert.fromUtf16String(text, littleEndian);
	}
	static Base64Padding(base64) {
		const padCount = 4 - base64.length % 4;
		return padCount < 4 ? base64 + "=".repeat(padCount) : base64;
	}
	static formatString(data) {
		return convert.formatString(data);
	}
};
//#endregion
export { Convert };
