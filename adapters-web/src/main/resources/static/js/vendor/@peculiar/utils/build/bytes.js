import { __exportAll } from "./_virtual/_rolldown/runtime.js";
import { assertBufferSource, isArrayBuffer, isArrayBufferLike, isArrayBufferView, isBufferSource, isSharedArrayBuffer, toArrayBuffer, toArrayBufferLike, toUint8Array, toUint8ArrayCopy, toView, toViewCopy } from "./bytes/buffer-source.js";
import { concat, concatToUint8Array } from "./bytes/concat.js";
import { equal } from "./bytes/equal.js";
import { compare, copy, endsWith, includes, indexOf, lastIndexOf, slice, startsWith, tail } from "./bytes/sequence.js";
//#region src/bytes/index.ts
var bytes_exports = /* @__PURE__ */ __exportAll({
	assertBufferSource: () => assertBufferSource,
	compare: () => compare,
	concat: () => concat,
	concatToUint8Array: () => concatToUint8Array,
	copy: () => copy,
	endsWith: () => endsWith,
	equal: () => equal,
	includes: () => includes,
	indexOf: () => indexOf,
	isArrayBuffer: () => isArrayBuffer,
	isArrayBufferLike: () => isArrayBufferLike,
	isArrayBufferView: () => isArrayBufferView,
	isBufferSource: () => isBufferSource,
	isSharedArrayBuffer: () => isSharedArrayBuffer,
	lastIndexOf: () => lastIndexOf,
	slice: () => slice,
	startsWith: () => startsWith,
	tail: () => tail,
	toArrayBuffer: () => toArrayBuffer,
	toArrayBufferLike: () => toArrayBufferLike,
	toUint8Array: () => toUint8Array,
	toUint8ArrayCopy: () => toUint8ArrayCopy,
	toView: () => toView,
	toViewCopy: () => toViewCopy
});
//#endregion
export { assertBufferSource, bytes_exports, compare, concat, concatToUint8Array, copy, endsWith, equal, includes, indexOf, isArrayBuffer, isArrayBufferLike, isArrayBufferView, isBufferSource, isSharedArrayBuffer, lastIndexOf, slice, startsWith, tail, toArrayBuffer, toArrayBufferLike, toUint8Array, toUint8ArrayCopy, toView, toViewCopy };
