// Unsigned LEB128, the wasm binary format's integers: read and written by the post-build steps
// that edit the wasm (short-imports.mjs, reorder.mjs).

/** The unsigned LEB128 at `at` in `bytes`: [value, the offset after it]. */
export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** `value` as unsigned LEB128 bytes. */
export function writeLeb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}
