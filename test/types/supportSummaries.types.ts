// Type tests of summarize / estimate / mergeSummaries for the support and churn families: each
// metric name gives its own summary type and each summary its metric's result; misuses do not
// compile (each `@ts-expect-error` line must be an error).
import {
  type ChurnResult,
  type ChurnSummary,
  type DurationResult,
  type DurationSummary,
  estimate,
  type FcrResult,
  type FcrSummary,
  mergeSummaries,
  type SlaResult,
  type SlaSummary,
  summarize,
  type TicketRecord,
} from '../../src/index.ts';
import { type Equal, expectTrue } from './expect.ts';

const tickets: TicketRecord[] = [{ id: 1, createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T10:00Z' }];
const customers = [{ id: 'a', startedAt: '2026-01-01', endedAt: '2026-02-10' }];

const f = summarize('fcr', tickets, { definition: 'no-reopen' });
expectTrue<Equal<typeof f, FcrSummary>>();
expectTrue<Equal<ReturnType<typeof estimate<FcrSummary>>, FcrResult>>();
const fr: FcrResult = estimate(f, { method: 'wald' });
void fr;
// @ts-expect-error fcr needs a definition
summarize('fcr', tickets, {});
// @ts-expect-error method is an option of estimate, not of the summary
summarize('fcr', tickets, { definition: 'no-reopen', method: 'wald' });

const s = summarize('sla', tickets, { targetMs: 3_600_000 });
expectTrue<Equal<typeof s, SlaSummary>>();
const sr: SlaResult = estimate(s);
void sr;
// @ts-expect-error the SLA summary needs targetMs
summarize('sla', tickets, {});

const t = summarize('ttr', tickets);
expectTrue<Equal<typeof t, DurationSummary>>();
const tr: DurationResult = estimate(t, { percentiles: [0.9] });
void tr;
summarize('first-response', [1, 2, 3], { events: [1, 1, 0] });
// @ts-expect-error durations are numbers, not strings
summarize('ttr', ['1', '2']);

const c = summarize('churn', customers, { from: '2026-02-01', to: '2026-03-01' });
expectTrue<Equal<typeof c, ChurnSummary>>();
const cr: ChurnResult = estimate(c, { method: 'jeffreys' });
void cr;
// @ts-expect-error the churn window is required
summarize('churn', customers, { from: '2026-02-01' });

mergeSummaries(f, f);
// @ts-expect-error summaries of two families cannot be merged
mergeSummaries(f, s);
