import { Batcher } from './batcher';

it('runs calls of the same moment as one batch and hands each caller its own result or error', async () => {
  const batches: number[][] = [];
  const batcher = new Batcher<number, number>(async (inputs) => {
    batches.push(inputs);
    return inputs.map((n) => (n < 0 ? new Error(`negative ${n}`) : n * 2));
  }, 3);
  const results = await Promise.allSettled([1, 2, -3, 4, 5].map((n) => batcher.load(n)));
  expect(batches).toEqual([[1, 2, -3], [4, 5]]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([2, 4, 'negative -3', 8, 10]);
});

it('rejects every caller when the batch itself fails', async () => {
  const batcher = new Batcher<number, number>(async () => {
    throw new Error('database down');
  });
  await expect(Promise.all([batcher.load(1), batcher.load(2)])).rejects.toThrow('database down');
});

it('holds calls that arrive while the batches in flight run, and sends them together when one returns', async () => {
  const batches: number[][] = [];
  let release: () => void = () => {};
  const batcher = new Batcher<number, number>(
    async (inputs) => {
      batches.push(inputs);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return inputs;
    },
    100,
    1,
  );
  const first = batcher.load(1);
  await new Promise((resolve) => setImmediate(resolve));
  const later = [2, 3, 4].map((n) => batcher.load(n));
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  expect(batches).toEqual([[1]]);
  release();
  expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
  expect(batches).toEqual([[1], [2, 3, 4]]);
});
