// Spot checks (SPEC §7): a reproducible sample of handover certificates to verify.

/** A 32-bit FNV-1a hash of a text: cheap, stable across platforms, enough to order a sample. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** How many of `population` records a percentage draws (at least one when there is any record). */
export function sampleSize(population: number, percent: number): number {
  if (population === 0 || percent <= 0) return 0;
  return Math.min(population, Math.max(1, Math.ceil((population * percent) / 100)));
}

/**
 * Draws `percent` % of the ids, reproducibly: each id is ranked by a hash of the seed and the id, so
 * the same seed and the same population give the same sample whatever order the ids come in.
 */
export function drawSample(ids: readonly string[], percent: number, seed: string): string[] {
  const unique = [...new Set(ids)];
  const ranked = unique.map((id) => ({ id, rank: fnv1a(`${seed}:${id}`) })).sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.slice(0, sampleSize(unique.length, percent)).map((r) => r.id).sort();
}
