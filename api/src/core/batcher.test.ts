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
