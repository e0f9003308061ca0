// Small statistics and formatting helpers shared by the bench sections.

/** The q-quantile (0..1) of `values` by linear interpolation; NaN for an empty list. */
export const quantile = (values: number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};

export const median = (values: number[]): number => quantile(values, 0.5);
export const p95 = (values: number[]): number => quantile(values, 0.95);
export const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Rounds to `digits` significant decimals for results.json (keeps small numbers readable). */
export const round = (n: number, digits = 3): number => {
  if (!Number.isFinite(n)) return n;
  const abs = Math.abs(n);
  const d = abs >= 100 ? 1 : abs >= 1 ? digits - 1 : digits + 2;
  const f = 10 ** d;
  return Math.round(n * f) / f;
};

export const fmtMs = (ms: number | null | undefined): string => {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
};

export const fmtBytes = (bytes: number): string =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(0)} kB`;

export const fmtUsd = (usd: number): string => (usd >= 1 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`);

/** Seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export const rng = (seed: number) => {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number): boolean => next() < p,
    /** `n` distinct items (n ≤ items.length). */
    sample: <T>(items: readonly T[], n: number): T[] => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
      return out;
    },
  };
};
export type Rng = ReturnType<typeof rng>;

/** Run `fn` over `items` with at most `concurrency` calls in flight. */
export const pool = async <T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
