import { describe, expect, it } from 'vitest';
import { fcr, firstResponseTime, ttr } from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

const ticket = {
  id: 'T-1',
  createdAt: '2026-05-01T09:00Z',
  firstResponseAt: '2026-05-01T09:10Z',
  resolvedAt: '2026-05-01T10:00Z',
  agentReplies: 1,
};

describe('ticket metrics and holes in the ticket array', () => {
  it('a hole ([ , ticket]) is an INVALID_VALUE naming its index, not a TypeError', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    const tickets = [, ticket, ticket];
    for (const call of [
      () => ttr(tickets as never),
      () => firstResponseTime(tickets as never),
      () => fcr(tickets as never, { definition: 'one-touch' }),
    ]) {
      const error = thrown(call);
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.index).toBe(0);
      expect(error.message).toMatch(/ticket at index 0 is missing \(a hole in the array\)/);
    }
  });

  it('a huge sparse array fails at its first hole at once, never walking 2³² − 1 indices', () => {
    const tickets: unknown[] = [ticket];
    tickets.length = 2 ** 32 - 1;
    const error = thrown(() => ttr(tickets as never));
    expect([error.code, error.index]).toEqual(['INVALID_VALUE', 1]);
  });

  it('an explicit undefined is still described as undefined', () => {
    expect(thrown(() => ttr([ticket, undefined] as never)).message).toMatch(/ticket at index 1 is undefined/);
  });
});
