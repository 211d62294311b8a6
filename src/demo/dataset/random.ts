/** Mulberry32: a small seeded generator, so every run of the demo builds the same values. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A weight near 1 (between 1 − spread and 1 + spread) to make units differ plausibly. */
export function jitter(random: () => number, spread: number): number {
  return 1 - spread + 2 * spread * random();
}

/** A whole number from min to max inclusive. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
