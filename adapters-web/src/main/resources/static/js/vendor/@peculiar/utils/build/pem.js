import { decode, decodeFirst, encode, encodeMany, find, findAll, format, parse, pem, pemConverter } from "./pem/pem.js";
export { decode, decodeFirst, encode, encodeMany, find, findAll, format, parse, pem, pemConverter };
