import { __exportAll } from "../_virtual/_rolldown/runtime.js";
import { toUint8Array } from "../bytes/buffer-source.js";
import { decodeBigInt as decodeBigInt$1, encode as encode$1 } from "./uint.js";
//#region src/integer/int.ts
var int_exports = /* @__PURE__ */ __exportAll({
	decode: () => decode,
	decodeBigInt: () => decodeBigInt,
	encode: () => encode,
	int: () => int,
	isMinimal: () => isMinimal
});
function toBigInt(value) {
	if (typeof value === "bigint") return value;
	if (!Number.isSafeInteger(value)) throw new RangeError("Integer must be a safe integer; use bigint for larger values");
	return BigInt(value);
}
function encode(value, options = {}) {
	const integer = toBigInt(value);
	let size = 1;
	while (integer < -(1n << BigInt(size * 8 - 1)) || integer >= 1n << BigInt(size * 8 - 1)) size++;
	const length = options.length ?? size;
	if (!Number.isInteger(length) || length < 1) throw new RangeError("length must be a positive integer");
	if (size > length) throw new RangeError(`Value does not fit into ${length} byte(s)`);
	const unsigned = integer < 0n ? integer + (1n << BigInt(length * 8)) : integer;
	return encode$1(unsigned, { length });
}
function decodeBigInt(data) {
	const bytes = toUint8Array(data);
	if (!bytes.byteLength) throw new RangeError("Two's complement input must not be empty");
	const unsigned = decodeBigInt$1(bytes);
	return bytes[0] & 128 ? unsigned - (1n << BigInt(bytes.byteLength * 8)) : unsigned;
}
function decode(data) {
	const value = decodeBigInt(data);
	if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError("Value is outside the safe integer range; use decodeBigInt instead");
	return Number(value);
}
function isMinimal(data) {
	const bytes = toUint8Array(data);
	if (bytes.byteLength < 2) return bytes.byteLength === 1;
	const redundantZero = bytes[0] === 0 && (bytes[1] & 128) === 0;
	const redundantOnes = bytes[0] === 255 && (bytes[1] & 128) !== 0;
	return !redundantZero && !redundantOnes;
}
const int = {
	encode,
	decode,
	decodeBigInt,
	isMinimal
};
//#endregion
export { decode, decodeBigInt, encode, int, int_exports, isMinimal };
