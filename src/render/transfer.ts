import { deserialize, serialize } from 'node:v8';

/**
 * How a render thread hands a batch of results to the main thread: each result serialized on its
 * own, all of them in one buffer that is moved (transferred), not copied.
 *
 * Why not simply return the array: V8 deserializes a message of more than 100 KB straight into the
 * old generation (its `kPretenureThreshold`), and a batch of rendered pages is always larger. Every
 * page's HTML then became old-generation garbage in the main thread, which V8 collects only once
 * the old generation has grown by a multiple of what is live; at 100,000 articles the main heap
 * swung between 0.5 and 1.6 GB for about 0.6 GB of live data. Items deserialized one by one are
 * small, so they are allocated young and die young.
 *
 * Layout: item count (u32), the byte length of each item (u32 each), then the items.
 */
export function packResults(items: readonly unknown[]): Uint8Array {
  const parts = items.map((item) => serialize(item));
  const head = 4 * (parts.length + 1);
  // Its own buffer, never Node's shared pool: moving a pooled buffer would take the pool with it.
  const packed = new Uint8Array(head + parts.reduce((sum, p) => sum + p.byteLength, 0));
  const view = new DataView(packed.buffer);
  view.setUint32(0, parts.length);
  let offset = head;
  parts.forEach((part, i) => {
    view.setUint32(4 * (i + 1), part.byteLength);
    packed.set(part, offset);
    offset += part.byteLength;
  });
  return packed;
}

/** One result as it came from the thread, still serialized: a view into the moved buffer. */
export type Packed = Uint8Array;

/**
 * The items of {@link packResults}, each still serialized. They are decoded one at a time, when
 * the build takes them ({@link unpacked}): a whole batch decoded at once would outlive the young
 * generation's collections and be moved to the old one after all.
 */
export function splitPacked(packed: Uint8Array): Packed[] {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const count = view.getUint32(0);
  const items: Packed[] = [];
  let offset = 4 * (count + 1);
  for (let i = 0; i < count; i++) {
    const length = view.getUint32(4 * (i + 1));
    items.push(packed.subarray(offset, offset + length));
    offset += length;
  }
  return items;
}

/** A result: decoded when packed, as it is when it was made in this thread (a render-budget problem). */
export function unpacked<T>(item: T | Packed): T {
  return item instanceof Uint8Array ? (deserialize(item) as T) : item;
}
