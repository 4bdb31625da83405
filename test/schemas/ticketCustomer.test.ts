import { describe, expect, it } from 'vitest';
import { customerSchema, ticketSchema } from '../../src/schemas/index.ts';

// Epoch ms from 2000 on: numeric times before 2000 are refused (they look like epoch seconds).
const T = Date.UTC(2026, 4, 1);

const issuesOf = (schema: typeof ticketSchema | typeof customerSchema, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => ({ path: issue.path, message: issue.message }));

describe('ticketSchema', () => {
  it('parses a CSV row: times to Dates (no offset = UTC), counts to numbers, flags to booleans', () => {
    const t = ticketSchema.parse({
      id: 'T-1',
      customerId: 'acme',
      createdAt: '2026-05-01 09:00',
      firstResponseAt: '2026-05-01T09:12:00Z',
      resolvedAt: '2026-05-01T11:00:00+02:00',
      reopenedAt: '',
      agentReplies: '3',
      customerContacts: ' 1 ',
      channel: 'email',
      firstContactResolved: 'Yes',
    });
    expect(t).toEqual({
      id: 'T-1',
      customerId: 'acme',
      createdAt: new Date('2026-05-01T09:00:00Z'),
      firstResponseAt: new Date('2026-05-01T09:12:00Z'),
      resolvedAt: new Date('2026-05-01T09:00:00Z'),
      reopenedAt: undefined,
      agentReplies: 3,
      customerContacts: 1,
      channel: 'email',
      firstContactResolved: true,
    });
  });

  it('treats a blank or null resolvedAt as an open ticket, never the epoch', () => {
    for (const resolvedAt of ['', '  ', null, undefined]) {
      expect(ticketSchema.parse({ id: 'T-1', createdAt: T, resolvedAt }).resolvedAt).toBeUndefined();
    }
  });

  it('reads the first-contact flag from true/false, yes/no, y/n, 1/0 in any case', () => {
    const flag = (firstContactResolved: unknown) =>
      ticketSchema.parse({ id: 'T', createdAt: T, firstContactResolved }).firstContactResolved;
    for (const yes of [true, 'true', 'TRUE', 'yes', 'Y', '1', 1, ' yes ']) expect(flag(yes)).toBe(true);
    for (const no of [false, 'false', 'No', 'n', '0', 0]) expect(flag(no)).toBe(false);
    expect(flag('')).toBeUndefined();
    expect(issuesOf(ticketSchema, { id: 'T', createdAt: T, firstContactResolved: 'maybe' })).toEqual([
      {
        path: ['firstContactResolved'],
        message: 'expected true or false (also yes/no, y/n, 1/0), or blank when unknown; got "maybe"',
      },
    ]);
  });

  it('requires a non-blank id; numbers become strings', () => {
    expect(ticketSchema.parse({ id: 42, createdAt: T }).id).toBe('42');
    for (const id of ['', ' ', null, undefined]) {
      expect(issuesOf(ticketSchema, { id, createdAt: T })).toEqual([
        { path: ['id'], message: 'required: expected a non-blank id' },
      ]);
    }
  });

  it('rejects negative or fractional counts', () => {
    for (const agentReplies of [-1, '2.5', 'two']) {
      expect(issuesOf(ticketSchema, { id: 'T', createdAt: T, agentReplies })?.[0]?.path).toEqual(['agentReplies']);
    }
  });

  it("reports a resolution before creation on ['resolvedAt'], with both times", () => {
    expect(issuesOf(ticketSchema, { id: 'T', createdAt: '2026-05-02', resolvedAt: '2026-05-01' })).toEqual([
      {
        path: ['resolvedAt'],
        message:
          'resolvedAt (2026-05-01T00:00:00.000Z) is before createdAt (2026-05-02T00:00:00.000Z); expected a time at or after createdAt',
      },
    ]);
  });

  it('checks firstResponseAt and reopenedAt against createdAt too; equal times are fine', () => {
    const created = '2026-05-02T10:00:00Z';
    expect(
      issuesOf(ticketSchema, {
        id: 'T',
        createdAt: created,
        firstResponseAt: '2026-05-02T09:59:59Z',
        reopenedAt: '2026-05-01',
      })?.map((i) => i.path),
    ).toEqual([['firstResponseAt'], ['reopenedAt']]);
    expect(
      ticketSchema.safeParse({ id: 'T', createdAt: created, resolvedAt: created, firstResponseAt: created }).success,
    ).toBe(true);
  });

  it('reports an ordering problem together with the other problems of the row', () => {
    expect(
      issuesOf(ticketSchema, { id: '', createdAt: '2026-05-02', resolvedAt: '2026-05-01', agentReplies: -1 })?.map(
        (i) => i.path,
      ),
    ).toEqual([['id'], ['agentReplies'], ['resolvedAt']]);
  });

  it('does not compare times when one of them failed to parse', () => {
    expect(
      issuesOf(ticketSchema, { id: 'T', createdAt: 'soon', resolvedAt: '2026-05-01' })?.map((i) => i.path),
    ).toEqual([['createdAt']]);
  });
});

describe('customerSchema', () => {
  it('parses a CSV row; a blank endedAt is an active customer', () => {
    expect(customerSchema.parse({ id: 7, startedAt: '2025-01-15', endedAt: '', plan: 'pro', mrr: '99.5' })).toEqual({
      id: '7',
      startedAt: new Date('2025-01-15T00:00:00Z'),
      endedAt: undefined,
      plan: 'pro',
      mrr: 99.5,
    });
  });

  it("reports an end before the start on ['endedAt']; ending on the start day is fine", () => {
    expect(issuesOf(customerSchema, { id: 'a', startedAt: '2025-01-15', endedAt: '2025-01-14T23:59Z' })).toEqual([
      {
        path: ['endedAt'],
        message:
          'endedAt (2025-01-14T23:59:00.000Z) is before startedAt (2025-01-15T00:00:00.000Z); expected a time at or after startedAt',
      },
    ]);
    expect(customerSchema.safeParse({ id: 'a', startedAt: '2025-01-15', endedAt: '2025-01-15' }).success).toBe(true);
  });

  it('rejects a negative, non-finite or non-numeric MRR; a blank MRR is unknown, not 0', () => {
    for (const mrr of [-1, '-5', Number.POSITIVE_INFINITY, '12,50', 'n/a']) {
      expect(issuesOf(customerSchema, { id: 'a', startedAt: T, mrr })).toEqual([
        { path: ['mrr'], message: expect.stringMatching(/^expected an MRR: a finite number ≥ 0, or blank; got /) },
      ]);
    }
    expect(customerSchema.parse({ id: 'a', startedAt: T, mrr: ' ' }).mrr).toBeUndefined();
  });

  it('requires id and startedAt', () => {
    expect(issuesOf(customerSchema, {})?.map((i) => i.path)).toEqual([['id'], ['startedAt']]);
  });
});

describe('ticketSchema: reopens', () => {
  const T = Date.parse('2026-05-01T09:00:00Z');
  it('reads a reopens count (a whole number ≥ 0; blank = unknown) for exports without reopenedAt', () => {
    expect(ticketSchema.parse({ id: 'T-1', createdAt: T, reopens: '2' }).reopens).toBe(2);
    expect(ticketSchema.parse({ id: 'T-1', createdAt: T, reopens: 0 }).reopens).toBe(0);
    for (const reopens of ['', ' ', null, undefined]) {
      expect(ticketSchema.parse({ id: 'T-1', createdAt: T, reopens }).reopens).toBeUndefined();
    }
  });

  it('rejects a count that is negative, fractional or not a number, on reopens', () => {
    for (const reopens of [-1, '1.5', 'twice', true]) {
      expect(issuesOf(ticketSchema, { id: 'T-1', createdAt: T, reopens })?.[0]?.path).toEqual(['reopens']);
    }
    expect(issuesOf(ticketSchema, { id: 'T-1', createdAt: T, reopens: -1 })).toEqual([
      { path: ['reopens'], message: 'expected a whole number ≥ 0, or blank when unknown; got -1' },
    ]);
  });

  it('rejects reopens 0 on a ticket with a reopenedAt, also when other fields fail', () => {
    expect(issuesOf(ticketSchema, { id: '', createdAt: T, reopenedAt: T + 1000, reopens: '0' })).toEqual([
      { path: ['id'], message: 'required: expected a non-blank id' },
      {
        path: ['reopens'],
        message:
          'reopens is 0 but reopenedAt is 2026-05-01T09:00:01.000Z; expected at least 1 for a reopened ticket (or a blank reopenedAt)',
      },
    ]);
    expect(ticketSchema.parse({ id: 'T-1', createdAt: T, reopenedAt: T + 1000, reopens: 1 }).reopens).toBe(1);
  });
});
