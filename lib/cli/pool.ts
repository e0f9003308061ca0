/** Run `fn` over `items` with at most `concurrency` calls in flight; results in input order. */
export const mapPool = async <T, R>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<R>) => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
};
