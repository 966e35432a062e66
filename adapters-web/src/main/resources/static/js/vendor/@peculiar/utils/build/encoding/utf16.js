import { __exportAll } from "../_virtual/_rolldown/runtime.js";
import { toArrayBuffer } from "../bytes/buffer-source.js";
//#region src/encoding/utf16.ts
var utf16_exports = /* @__PURE__ */ __exportAll({
	decode: () => decode,
	encode: () => encode,
	utf16: () => utf16
});
function encode(text, options = {}) {
	const result = /* @__PURE__ */ new ArrayBuffer(text.length * 2);
	const view = new DataView(result);
	for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), options.littleEndian ?? false);
	return new Uint8Array(result);
}
function decode(data, options = {}) {
	const buffer = toArrayBuffer(data);
	const view = new DataView(buffer);
	let result = "";
	for (let i = 0; i < buffer.byteLength; i += 2) result += String.fromCharCode(view.getUint16(i, options.littleEndian ?? false));
	return result;
}
const utf16 = {
	encode,
	decode
};
//#endregion
export { decode, encode, utf16, utf16_exports };
