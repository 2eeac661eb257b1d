import { describe, expect, it } from 'vitest';
import { streamBatches, type Batch } from '../../src/render/pool.js';

/** A run whose batches are answered when the test says so: the threads finish in any order. */
function controlledRun(): { run: (items: readonly number[]) => Promise<string[]>; answer: (first: number) => void; asked: () => number } {
  const pending = new Map<number, () => void>();
  return {
    run: (items) =>
      new Promise((resolve) => {
        pending.set(items[0]!, () => resolve(items.map((n) => `page ${n}`)));
      }),
    answer: (first) => {
      pending.get(first)!();
      pending.delete(first);
    },
    asked: () => pending.size,
  };
}

const batchesOf = (count: number, size: number): Batch<number>[] => Array.from({ length: count }, (_, b) => ({ items: Array.from({ length: size }, (_, i) => b * size + i) }));

describe('streamBatches: results in the order of the batches, whichever thread finishes first', () => {
  it('hands on a later batch that finished first only after the ones before it', async () => {
    const { run, answer, asked } = controlledRun();
    const seen: string[] = [];
    const done = streamBatches(run, 4, batchesOf(3, 2), (result, item) => {
      seen.push(`${item}:${result}`);
    });
    await expect.poll(asked).toBe(3);
    // The threads finish the last batch first, then the middle one: nothing is handed on yet.
    answer(4);
    answer(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);
    answer(0);
    await done;
    expect(seen).toEqual(['0:page 0', '1:page 1', '2:page 2', '3:page 3', '4:page 4', '5:page 5']);
  });

  it('keeps at most `limit` batches in flight and fails with the first failing batch', async () => {
    let running = 0;
    let most = 0;
    const run = async (items: readonly number[]): Promise<number[]> => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      if (items[0] === 6) throw new Error('thread ended');
      return [...items];
    };
    const seen: number[] = [];
    await expect(streamBatches(run, 2, batchesOf(5, 2), (n) => void seen.push(n))).rejects.toThrow('thread ended');
    expect(most).toBe(2);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
