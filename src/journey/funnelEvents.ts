import { CxMetricsError } from '../errors.ts';
import { closestName } from '../options.ts';
import { describe } from '../stats/validate.ts';
import { iso, type JourneyEvent, readId, readTime, recordAt } from './records.ts';

// Reading the input of a funnel: the stage list, and every event once (record, customer, stage,
// time, and the time order per customer), each mistake an error with the event's index.

const SHAPE = '{ customerId, stage, at }';

/** The stages option: at least two distinct non-blank names, in journey order. @internal */
export function checkStages(fn: string, stages: unknown): readonly string[] {
  if (!Array.isArray(stages) || stages.length < 2) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: stages is ${stages === undefined ? 'required' : describe(stages)}${Array.isArray(stages) ? ` of ${stages.length}` : ''}; expected at least two stage names in journey order, e.g. ['visit', 'cart', 'purchase']`,
      { value: stages },
    );
  }
  const seen = new Set<string>();
  // Indexed, not forEach, so a hole in stages is refused rather than skipped.
  for (let k = 0; k < stages.length; k++) {
    const stage: unknown = stages[k];
    if (typeof stage !== 'string' || stage.trim() === '') {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: stages[${k}] is ${describe(stage)}; expected a non-blank stage name`,
        { value: stage },
      );
    }
    if (seen.has(stage)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: stage '${stage}' appears twice in stages; expected each once`,
        {
          value: stage,
        },
      );
    }
    seen.add(stage);
  }
  return stages as readonly string[];
}

/** Every event, read once. @internal */
export interface ReadEvents {
  /** Dense customer number per event. */
  customerOf: Int32Array;
  /** Stage index per event; −1 for an event after asOf (left out). */
  stageOf: Int32Array;
  timeOf: Float64Array;
  customerCount: number;
  afterAsOf: number;
}

/** Read and check every event once: record, customer, stage, time, and the time order per customer. @internal */
export function readEvents(
  fn: string,
  list: readonly JourneyEvent[],
  stages: readonly string[],
  asOf: number,
): ReadEvents {
  const n = list.length;
  const stageIndex = new Map<string, number>(stages.map((stage, k) => [stage, k]));
  const customers = new Map<string, number>();
  const lastTime: number[] = [];
  const lastIndex: number[] = [];
  const customerOf = new Int32Array(n);
  const stageOf = new Int32Array(n);
  const timeOf = new Float64Array(n);
  let afterAsOf = 0;
  for (let i = 0; i < n; i++) {
    const event = recordAt(fn, list, i, 'event', SHAPE);
    const id = readId(fn, event.customerId, i, 'event', 'customerId');
    const stageName: unknown = event.stage;
    const stage = typeof stageName === 'string' ? stageIndex.get(stageName) : undefined;
    if (stage === undefined) throw unknownStage(fn, stageName, i, stages);
    const t = readTime(fn, event.at, i, `event at index ${i}`, 'at', true) as number;
    let c = customers.get(id);
    if (c === undefined) {
      c = customers.size;
      customers.set(id, c);
      lastTime.push(t);
      lastIndex.push(i);
    } else {
      const previous = lastTime[c] as number;
      if (t < previous) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: event at index ${i} (customer ${JSON.stringify(id)}, ${iso(t)}) is earlier than that customer's previous event at index ${lastIndex[c]} (${iso(previous)}); ` +
            "expected each customer's events in time order (sort the log by at, or by customerId then at)",
          { index: i, value: event.at },
        );
      }
      lastTime[c] = t;
      lastIndex[c] = i;
    }
    customerOf[i] = c;
    timeOf[i] = t;
    if (t > asOf) {
      stageOf[i] = -1;
      afterAsOf++;
    } else stageOf[i] = stage;
  }
  return { customerOf, stageOf, timeOf, customerCount: customers.size, afterAsOf };
}

function unknownStage(fn: string, stage: unknown, i: number, stages: readonly string[]): CxMetricsError {
  const guess = typeof stage === 'string' ? closestName(stage, stages) : undefined;
  const hint = guess === undefined ? '' : `; did you mean '${guess}'?`;
  const list = stages.map((s) => `'${s}'`).join(', ');
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: event at index ${i} has stage ${describe(stage)}, which is not in stages (${list})${hint}; add it to stages or drop such events before the call`,
    { index: i, value: stage },
  );
}
