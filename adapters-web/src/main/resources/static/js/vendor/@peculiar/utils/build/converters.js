import { pemConverter } from "./pem/pem.js";
import { createConverterRegistry } from "./converters/registry.js";
import { base64Converter, base64urlConverter, binaryConverter, defaultConverterRegistry, defaultConverters, hexConverter, utf16beConverter, utf16leConverter, utf8Converter } from "./converters/defaults.js";
import { convert } from "./converters/convert.js";
export { base64Converter, base64urlConverter, binaryConverter, convert, createConverterRegistry, defaultConverterRegistry, defaultConverters, hexConverter, pemConverter, utf16beConverter, utf16leConverter, utf8Converter };
