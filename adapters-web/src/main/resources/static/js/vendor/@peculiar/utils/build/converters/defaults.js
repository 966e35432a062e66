import { decode, encode, is } from "../encoding/binary.js";
import { decode as decode$1, encode as encode$1, format, is as is$1, normalize, parse } from "../encoding/hex.js";
import { decode as decode$2, encode as encode$2 } from "../encoding/utf8.js";
import { decode as decode$3, encode as encode$3 } from "../encoding/utf16.js";
import { decode as decode$4, encode as encode$4, is as is$2, normalize as normalize$1 } from "../encoding/base64.js";
import { decode as decode$5, encode as encode$5, is as is$3, normalize as normalize$2 } from "../encoding/base64url.js";
import { pemConverter } from "../pem/pem.js";
import { createConverterRegistry } from "./registry.js";
//#region src/converters/defaults.ts
const binaryConverter = {
	name: "binary",
	aliases: ["latin1"],
	encode,
	decode,
	is
};
const hexConverter = {
	name: "hex",
	encode: encode$1,
	decode: decode$1,
	format,
	is: is$1,
	normalize,
	parse
};
const base64Converter = {
	name: "base64",
	aliases: ["b64"],
	encode: encode$4,
	decode: decode$4,
	is: is$2,
	normalize: normalize$1
};
const base64urlConverter = {
	name: "base64url",
	aliases: ["base64-url", "b64url"],
	encode: encode$5,
	decode: decode$5,
	is: is$3,
	normalize: normalize$2
};
const utf8Converter = {
	name: "utf8",
	aliases: ["utf-8"],
	encode: (data) => decode$2(data),
	decode: (text) => encode$2(text),
	is: (text) => typeof text === "string"
};
const utf16beConverter = {
	name: "utf16be",
	aliases: [
		"utf16",
		"utf-16",
		"utf-16be"
	],
	encode: (data) => decode$3(data),
	decode: (text) => encode$3(text),
	is: (text) => typeof text === "string"
};
const utf16leConverter = {
	name: "utf16le",
	aliases: [
		"utf-16le",
		"ucs2",
		"usc2"
	],
	encode: (data) => decode$3(data, { littleEndian: true }),
	decode: (text) => encode$3(text, { littleEndian: true }),
	is: (text) => typeof text === "string"
};
const defaultConverters = [
	binaryConverter,
	hexConverter,
	base64Converter,
	base64urlConverter,
	utf8Converter,
	utf16beConverter,
	utf16leConverter,
	pemConverter
];
const defaultConverterRegistry = createConverterRegistry(defaultConverters);
//#endregion
export { base64Converter, base64urlConverter, binaryConverter, defaultConverterRegistry, defaultConverters, hexConverter, pemConverter, utf16beConverter, utf16leConverter, utf8Converter };
