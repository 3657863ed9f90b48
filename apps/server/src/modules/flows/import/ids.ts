// Record ids for imported rows: UUID version 7 (time-ordered, so the primary key grows at its right
// edge like every other Taama id), with the random bits drawn from a buffer refilled every thousand
// ids instead of once per id.
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const BYTES_PER_ID = 10;

/** Returns a function that makes fresh version-7 UUIDs. */
export function uuidV7Maker(): () => string {
  const pool = Buffer.alloc(BYTES_PER_ID * 1024);
  let at = pool.length;
  let lastMs = -1;
  let stamp = '';
  const h = (i: number) => HEX[pool[i] ?? 0] ?? '00';
  return () => {
    if (at + BYTES_PER_ID > pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      const t = ms.toString(16).padStart(12, '0');
      stamp = `${t.slice(0, 8)}-${t.slice(8, 12)}-7`;
    }
    const o = at;
    at += BYTES_PER_ID;
    // 12 random bits after the version nibble, the variant bits 10, then 62 random bits.
    const variant = HEX[((pool[o + 2] ?? 0) & 0x3f) | 0x80] ?? '80';
    return `${stamp}${h(o).slice(1)}${h(o + 1)}-${variant}${h(o + 3)}-${h(o + 4)}${h(o + 5)}${h(o + 6)}${h(o + 7)}${h(o + 8)}${h(o + 9)}`;
  };
}
