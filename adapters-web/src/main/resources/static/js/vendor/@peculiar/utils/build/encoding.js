import { binary_exports } from "./encoding/binary.js";
import { hex_exports } from "./encoding/hex.js";
import { utf8_exports } from "./encoding/utf8.js";
import { utf16_exports } from "./encoding/utf16.js";
import { base64_exports } from "./encoding/base64.js";
import { base64url_exports } from "./encoding/base64url.js";
export { base64_exports as base64, base64url_exports as base64url, binary_exports as binary, hex_exports as hex, utf16_exports as utf16, utf8_exports as utf8 };
