import { __exportAll } from "../_virtual/_rolldown/runtime.js";
import { toUint8Array } from "../bytes/buffer-source.js";
//#region src/encoding/utf8.ts
var utf8_exports = /* @__PURE__ */ __exportAll({
	decode: () => decode,
	encode: () => encode,
	utf8: () => utf8
});
function encode(text) {
	return new TextEncoder().encode(text);
}
function decode(data) {
	return new TextDecoder("utf-8", { fatal: false }).decode(toUint8Array(data));
}
const utf8 = {
	encode,
	decode
};
//#endregion
export { decode, encode, utf8, utf8_exports };
