import { concat } from "../bytes/concat.js";
import { equal } from "../bytes/equal.js";
//#region src/legacy/functions.ts
function assign(target, ...sources) {
	for (const source of sources) {
		if (!source) continue;
		for (const prop in source) target[prop] = source[prop];
	}
	return target;
}
function combine(...buf) {
	return concat(buf);
}
function isEqual(bytes1, bytes2) {
	return equal(bytes1, bytes2);
}
//#endregion
export { assign, combine, isEqual };
