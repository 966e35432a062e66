import { BufferSourceConverter } from "./legacy/buffer-source-converter.js";
import { Convert } from "./legacy/convert.js";
import { assign, combine, isEqual } from "./legacy/functions.js";
export { BufferSourceConverter, Convert, assign, combine, isEqual };
