import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { none } from 'stream-chain/defs.js';
import gen from 'stream-chain/gen.js';
import { parser } from 'stream-json';
import type { Token } from 'stream-json/parser.js';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { AppError } from '../../core/errors.ts';

const SLICE = 16_384;

/** Where a streamed bundle read stands: bytes read so far and whether the top-level `type` said "bundle". */
export interface BundleReadState { bytes: number; isBundle: boolean; id?: string }

/**
 * The elements of a STIX bundle's top-level `objects` array, one at a time, parsed from the request
 * body as it arrives (stream-json): memory holds one object, never the bundle. Stops with a 413
 * AppError past `maxBytes`; a syntax error ends the read (the objects before it were yielded).
 */
export async function* bundleObjects(body: Readable, maxBytes: number, state: BundleReadState): AsyncGenerator<unknown> {
  let depth = 0;
  let key: string | null = null;
  // Watches the top level for "type": "bundle" and the bundle id whatever the key order, passing every token on.
  const watch = (t: Token): Token => {
    if (t.name === 'startObject' || t.name === 'startArray') depth++;
    else if (t.name === 'endObject' || t.name === 'endArray') depth--;
    else if (depth === 1 && t.name === 'keyValue') {
      key = t.value;
      return t;
    } else if (depth === 1 && t.name === 'stringValue' && key === 'type') state.isBundle = t.value === 'bundle';
    else if (depth === 1 && t.name === 'stringValue' && key === 'id') state.id = String(t.value);
    key = null;
    return t;
  };
  // Driven chunk by chunk (no stream buffers between stages), so every object completed before the slice holding a syntax error is yielded.
  const objects = gen(parser({ streamValues: false }), watch, pick({ filter: 'objects' }), streamArray());
  // A slice is tokenised whole before its tokens move on, so slices are kept small.
  const utf8 = new StringDecoder('utf8');
  for await (const buf of body as AsyncIterable<Buffer>) {
    state.bytes += buf.length;
    if (state.bytes > maxBytes) throw new AppError(413, 'payload_too_large', `the bundle is larger than ${maxBytes} bytes`);
    const text = utf8.write(buf);
    for (let at = 0; at < text.length; at += SLICE) {
      for await (const item of objects(text.slice(at, at + SLICE)) as AsyncIterable<{ value: unknown }>) yield item.value;
    }
  }
  for await (const item of objects(utf8.end()) as AsyncIterable<{ value: unknown }>) yield item.value;
  for await (const item of objects(none as unknown as string) as AsyncIterable<{ value: unknown }>) yield item.value;
}
