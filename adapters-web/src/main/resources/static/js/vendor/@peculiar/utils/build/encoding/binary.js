import { __exportAll } from "../_virtual/_rolldown/runtime.js";
import { toUint8Array } from "../bytes/buffer-source.js";
//#region src/encoding/binary.ts
var binary_exports = /* @__PURE__ */ __exportAll({
	binary: () => binary,
	decode: () => decode,
	encode: () => encode,
	is: () => is
});
function encode(data) {
	const bytes = toUint8Array(data);
	let result = "";
	for (const byte of bytes) result += String.fromCharCode(byte);
	return result;
}
function decode(text) {
	const result = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) result[i] = text.charCodeAt(i) & 255;
	return result;
}
function is(text) {
	return typeof text === "string";
}
const binary = {
	encode,
	decode,
	is
};
//#endregion
export { binary, binary_exports, decode, encode, is };
