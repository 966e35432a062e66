import { toArrayBuffer } from "../bytes/buffer-source.js";
import { decode as decode$1, encode as encode$1 } from "../encoding/binary.js";
import { decode as decode$2, encode as encode$2, is } from "../encoding/hex.js";
import { decode as decode$3, encode as encode$3 } from "../encoding/utf8.js";
import { decode as decode$4, encode as encode$4 } from "../encoding/utf16.js";
import { decode as decode$5, encode as encode$5, is as is$1, normalize as normalize$1 } from "../encoding/base64.js";
import { decode as decode$6, encode as encode$6, is as is$2 } from "../encoding/base64url.js";
import { defaultConverterRegistry } from "./defaults.js";
//#region src/converters/convert.ts
function encode(name, data, ...args) {
	return defaultConverterRegistry.encode(name, data, ...args);
}
function decode(name, text, ...args) {
	return defaultConverterRegistry.decode(name, text, ...args);
}
function tryDecode(name, text, ...args) {
	return defaultConverterRegistry.tryDecode(name, text, ...args);
}
function normalize(name, text, ...args) {
	return defaultConverterRegistry.normalize(name, text, ...args);
}
function parse(name, text, ...args) {
	return defaultConverterRegistry.parse(name, text, ...args);
}
function format(name, data, value) {
	return defaultConverterRegistry.format(name, data, value);
}
function transcode(text, options) {
	return defaultConverterRegistry.transcode(text, options);
}
function detect(text, options) {
	return defaultConverterRegistry.detect(text, options);
}
function normalizeEncodingName(encoding) {
	return encoding.toLowerCase();
}
const convert = {
	encode,
	decode,
	tryDecode,
	normalize,
	parse,
	format,
	transcode,
	detect,
	to(format, data, ...args) {
		return encode(format, data, ...args);
	},
	from(format, text, ...args) {
		return decode(format, text, ...args);
	},
	toString(data, encoding = "utf8") {
		return encode(encoding, data);
	},
	fromString(text, encoding = "utf8") {
		if (normalizeEncodingName(encoding) === "hex") return toArrayBuffer(decode$2(text, { allowOddLength: true }));
		return toArrayBuffer(decode(encoding, text));
	},
	toBase64: encode$5,
	fromBase64: (text) => toArrayBuffer(decode$5(text)),
	toBase64Url: encode$6,
	fromBase64Url: (text) => toArrayBuffer(decode$6(text)),
	toHex: encode$2,
	fromHex: (text) => toArrayBuffer(decode$2(text, { allowOddLength: true })),
	toBinary: encode$1,
	fromBinary: (text) => toArrayBuffer(decode$1(text)),
	toUtf8String: decode$3,
	fromUtf8String: (text) => toArrayBuffer(encode$3(text)),
	toUtf16String: (data, littleEndian = false) => decode$4(data, { littleEndian }),
	fromUtf16String: (text, littleEndian = false) => toArrayBuffer(encode$4(text, { littleEndian })),
	isHex: is,
	isBase64: is$1,
	isBase64Url: is$2,
	formatString: normalize$1
};
//#endregion
export { convert };
