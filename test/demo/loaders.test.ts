import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCsatCesSurvey, loadSubscriptions, loadTickets } from '../../examples/loaders.ts';

// The demo's loaders hand the CSV rows to the parsers with `columns` (snake_case columns →
// the fields): every renamed column must be read, and a bad cell reported on its CSV line with
// the field and the column it came from.
const dir = mkdtempSync(join(tmpdir(), 'cx-loaders-'));
function csv(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('examples/loaders.ts reads renamed columns through the parsers', () => {
  it('tickets: every snake_case column lands in its field; a bad created_at is a problem on its line', () => {
    const file = csv('tickets.csv', [
      'id,customer_id,created_at,first_response_at,resolved_at,reopened_at,agent_replies,customer_contacts,channel,first_contact_resolved',
      'T-1,C1,2026-01-05T08:00:00Z,2026-01-05T09:00:00Z,2026-01-06T08:00:00Z,2026-01-07T08:00:00Z,3,2,email,false',
      'T-2,C2,nope,,,,1,1,chat,',
    ]);
    const { tickets, problems } = loadTickets(file, new Date('2026-02-01T00:00:00Z'));
    expect(tickets).toEqual([
      {
        line: 2,
        id: 'T-1',
        customerId: 'C1',
        createdAt: new Date('2026-01-05T08:00:00Z'),
        firstResponseAt: new Date('2026-01-05T09:00:00Z'),
        resolvedAt: new Date('2026-01-06T08:00:00Z'),
        reopenedAt: new Date('2026-01-07T08:00:00Z'),
        agentReplies: 3,
        customerContacts: 2,
        channel: 'email',
        firstContactResolved: false,
      },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, id: 'T-2' });
    expect(problems[0]?.message).toMatch(/^createdAt: .*"nope" \(column "created_at"\)$/);
  });

  it('subscriptions: started_at and ended_at are read; plan and mrr by their own names', () => {
    const file = csv('subscriptions.csv', [
      'id,started_at,ended_at,plan,mrr',
      'cus_1,2025-01-01T00:00:00Z,2025-06-01T00:00:00Z,growth,120',
      'cus_2,soon,,starter,30',
    ]);
    const { customers, problems } = loadSubscriptions(file, new Date('2026-01-01T00:00:00Z'));
    expect(customers.map((c) => [c.id, c.startedAt.toISOString(), c.endedAt?.toISOString(), c.plan, c.mrr])).toEqual([
      ['cus_1', '2025-01-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z', 'growth', 120],
    ]);
    expect(problems.map((p) => [p.line, p.id])).toEqual([[3, 'cus_2']]);
    expect(problems[0]?.message).toMatch(/^startedAt: .*\(column "started_at"\)$/);
  });

  it('CSAT/CES answers: submitted_at is read, touchpoint and comment by their own names', () => {
    const file = csv('surveys.csv', [
      'id,type,submitted_at,channel,touchpoint,score,comment',
      's1,csat,2026-05-01T10:00:00Z,chat,support contact,4,ok',
      's2,ces,2026-05-02T10:00:00Z,email,self-service,,',
    ]);
    const scales = { csat: { min: 1, max: 5 }, ces: { min: 1, max: 7, direction: 'higher-is-easier' as const } };
    const survey = loadCsatCesSurvey(file, scales);
    expect(survey.problems).toEqual([]);
    expect(survey.csat.map((a) => [a.id, a.submittedAt.toISOString(), a.touchpoint, a.score])).toEqual([
      ['s1', '2026-05-01T10:00:00.000Z', 'support contact', 4],
    ]);
    expect(survey.ces.map((a) => [a.id, a.month, a.score])).toEqual([['s2', '2026-05', null]]);
  });
});
