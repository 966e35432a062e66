import { ByteStream } from "./byte_stream.js";
import { SeqStream } from "./seq_stream.js";
import { parseByteMap } from "./helpers.js";
import { BitStream } from "./bit_stream.js";
import { SeqBitStream } from "./seq_bit_stream.js";
export { BitStream, ByteStream, SeqBitStream, SeqStream, parseByteMap };
