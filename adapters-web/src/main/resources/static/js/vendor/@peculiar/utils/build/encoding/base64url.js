import { __exportAll } from "../_virtual/_rolldown/runtime.js";
import { base64 } from "./base64.js";
//#region src/encoding/base64url.ts
var base64url_exports = /* @__PURE__ */ __exportAll({
	base64url: () => base64url,
	decode: () => decode,
	encode: () => encode,
	is: () => is,
	normalize: () => normalize
});
const BASE64URL_REGEX = /^[A-Za-z0-9_-]*$/;
const PADDED_BASE64URL_REGEX = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/;
function normalize(text) {
	return text.replace(/[\n\r\t ]/g, "");
}
function is(text, options = {}) {
	if (typeof text !== "string") return false;
	const normalized = normalize(text);
	return BASE64URL_REGEX.test(normalized) || !!options.allowPadding && PADDED_BASE64URL_REGEX.test(normalized);
}
function encode(data, _options) {
	return base64.encode(data).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/g, "");
}
function decode(text, options = {}) {
	const normalized = normalize(text);
	if (!is(normalized, options)) throw new TypeError("Input is not valid Base64Url text");
	return base64.decode(base64.pad(normalized.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/")));
}
const base64url = {
	encode,
	decode,
	is,
	normalize
};
//#endregion
export { base64url, base64url_exports, decode, encode, is, normalize };
