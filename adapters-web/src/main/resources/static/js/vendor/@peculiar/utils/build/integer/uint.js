import { __exportAll } from "../_virtual/_rolldown/runtime.js";
import { toUint8Array } from "../bytes/buffer-source.js";
//#region src/integer/uint.ts
var uint_exports = /* @__PURE__ */ __exportAll({
	decode: () => decode,
	decodeBigInt: () => decodeBigInt,
	encode: () => encode,
	uint: () => uint
});
function resolveBits(bitsPerByte = 8) {
	if (!Number.isInteger(bitsPerByte) || bitsPerByte < 1 || bitsPerByte > 8) throw new RangeError("bitsPerByte must be an integer from 1 to 8");
	return bitsPerByte;
}
function pad(digits, length) {
	if (length === void 0) return Uint8Array.from(digits);
	if (!Number.isInteger(length) || length < 0) throw new RangeError("length must be a non-negative integer");
	if (digits.length > length) throw new RangeError(`Value does not fit into ${length} byte(s)`);
	const result = new Uint8Array(length);
	result.set(digits, length - digits.length);
	return result;
}
function encode(value, options = {}) {
	const bits = resolveBits(options.bitsPerByte);
	const digits = [];
	if (typeof value === "bigint") {
		if (value < 0n) throw new RangeError("Unsigned integer must not be negative");
		const shift = BigInt(bits);
		const mask = (1n << shift) - 1n;
		do {
			digits.push(Number(value & mask));
			value >>= shift;
		} while (value > 0n);
	} else {
		if (!Number.isSafeInteger(value) || value < 0) throw new RangeError("Unsigned integer must be a non-negative safe integer; use bigint for larger values");
		const radix = 2 ** bits;
		do {
			digits.push(value % radix);
			value = Math.floor(value / radix);
		} while (value > 0);
	}
	return pad(digits.reverse(), options.length);
}
function decodeBigInt(data, options = {}) {
	const bits = resolveBits(options.bitsPerByte);
	const shift = BigInt(bits);
	const radix = 1 << bits;
	let result = 0n;
	for (const digit of toUint8Array(data)) {
		if (digit >= radix) throw new RangeError(`Byte 0x${digit.toString(16)} exceeds ${bits} bits`);
		result = result << shift | BigInt(digit);
	}
	return result;
}
function decode(data, options = {}) {
	const bits = resolveBits(options.bitsPerByte);
	const radix = 2 ** bits;
	let result = 0;
	for (const digit of toUint8Array(data)) {
		if (digit >= radix) throw new RangeError(`Byte 0x${digit.toString(16)} exceeds ${bits} bits`);
		if (result > (Number.MAX_SAFE_INTEGER - digit) / radix) throw new RangeError("Value exceeds Number.MAX_SAFE_INTEGER; use decodeBigInt instead");
		result = result * radix + digit;
	}
	return result;
}
const uint = {
	encode,
	decode,
	decodeBigInt
};
//#endregion
export { decode, decodeBigInt, encode, uint, uint_exports };
