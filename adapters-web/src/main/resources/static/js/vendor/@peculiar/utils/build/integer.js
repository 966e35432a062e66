import { uint_exports } from "./integer/uint.js";
import { int_exports } from "./integer/int.js";
export { int_exports as int, uint_exports as uint };
