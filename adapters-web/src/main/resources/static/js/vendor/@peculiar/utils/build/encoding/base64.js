import { __exportAll } from "../_virtual/_rolldown/runtime.js";
import { toUint8Array } from "../bytes/buffer-source.js";
import { decode as decode$1, encode as encode$1 } from "./binary.js";
//#region src/encoding/base64.ts
var base64_exports = /* @__PURE__ */ __exportAll({
	base64: () => base64,
	decode: () => decode,
	encode: () => encode,
	is: () => is,
	normalize: () => normalize,
	pad: () => pad
});
const BASE64_REGEX = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function nodeBuffer() {
	return globalThis.Buffer;
}
function normalize(text) {
	return text.replace(/[\n\r\t ]/g, "");
}
function pad(text) {
	const remainder = text.length % 4;
	return remainder ? text + "=".repeat(4 - remainder) : text;
}
function is(text) {
	if (typeof text !== "string") return false;
	const normalized = normalize(text);
	return normalized === "" || BASE64_REGEX.test(normalized);
}
function encode(data, _options) {
	const bytes = toUint8Array(data);
	const buffer = nodeBuffer();
	if (buffer) return buffer.from(bytes).toString("base64");
	return btoa(encode$1(bytes));
}
function decode(text, _options) {
	const normalized = normalize(text);
	if (!is(normalized)) throw new TypeError("Input is not valid Base64 text");
	const buffer = nodeBuffer();
	if (buffer) return new Uint8Array(buffer.from(normalized, "base64"));
	return decode$1(atob(normalized));
}
const base64 = {
	encode,
	decode,
	is,
	normalize,
	pad
};
//#endregion
export { base64, base64_exports, decode, encode, is, normalize, pad };
