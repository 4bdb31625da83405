import * as vega from 'vega';
import * as vl from 'vega-lite';
import { expect } from 'vitest';
import type { VegaLiteSpec } from '../../src/notebook/index.ts';

/** One mark of the rendered scenegraph: its Vega name, type and the items drawn. */
export interface RenderedMark {
  name: string;
  type: string;
  items: Record<string, unknown>[];
}

export interface Rendered {
  svg: string;
  view: vega.View;
  /** Marks with role 'mark' (data marks, not axes or legends), by name. */
  marks: Map<string, RenderedMark>;
  /** Everything vega-lite and vega logged at warning level or above. */
  warnings: string[];
}

/** A vega logger that records warnings and errors instead of printing them. */
function recordingLogger(into: string[]) {
  let level = vega.Warn;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      into.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: unknown[]) {
      into.push(`warn: ${args.map(String).join(' ')}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

function collectMarks(node: unknown, out: Map<string, RenderedMark>): void {
  const n = node as { marktype?: string; role?: string; name?: string; items?: unknown[] };
  if (n.marktype !== undefined && n.role === 'mark' && n.name !== undefined) {
    out.set(n.name, { name: n.name, type: n.marktype, items: (n.items ?? []) as Record<string, unknown>[] });
  }
  for (const item of n.items ?? []) {
    const group = item as { items?: unknown[] };
    for (const child of group.items ?? []) collectMarks(child, out);
  }
}

/** Every `"field": name` in a spec (encodings, tooltips, sort, order). */
function fieldsOf(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const x of node) fieldsOf(x, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'datasets') continue;
      if (key === 'field' && typeof value === 'string') out.add(value);
      else fieldsOf(value, out);
    }
  }
  return out;
}

/**
 * Compile a spec with vega-lite, run it with vega headless and render SVG. Fails the test on any
 * warning from either (a field that does not exist, a bad encoding, an infinite extent), on a
 * dataset that does not come back from the view unchanged, on a drawn item with a non-finite
 * position, and on an encoded field that no dataset has (vega draws those silently, e.g. a rule
 * whose x2 is missing falls back to a zero-length rule).
 */
export async function render(spec: VegaLiteSpec): Promise<Rendered> {
  const warnings: string[] = [];
  const columns = new Set(
    Object.values(spec.datasets ?? {}).flatMap((rows) => rows.flatMap((row) => Object.keys(row))),
  );
  for (const field of fieldsOf(spec)) expect(columns, `encoded field "${field}" is in no dataset`).toContain(field);
  const logger = recordingLogger(warnings);
  expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
  // The spec must survive JSON unchanged: that is how it reaches a notebook front end.
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  const compiled = vl.compile(spec as unknown as vl.TopLevelSpec, { logger });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logger });
  await view.runAsync();
  const svg = await view.toSVG();
  for (const [name, values] of Object.entries(spec.datasets)) {
    const rows = (view.data(name) as Record<string, unknown>[]).map((row) => ({ ...row }));
    expect(rows, `dataset ${name}`).toEqual(values);
  }
  const marks = new Map<string, RenderedMark>();
  collectMarks((view.scenegraph() as unknown as { root: unknown }).root, marks);
  for (const mark of marks.values()) {
    for (const item of mark.items) {
      for (const key of ['x', 'y', 'x2', 'y2', 'width', 'height']) {
        const v = item[key];
        if (v !== undefined) expect(Number.isFinite(v), `${mark.name}.${key} = ${String(v)}`).toBe(true);
      }
    }
  }
  expect(warnings).toEqual([]);
  expect(svg.startsWith('<svg')).toBe(true);
  view.finalize();
  return { svg, view, marks, warnings };
}

/** The items drawn by the mark of a named layer (vega-lite names it `<name>_marks`). */
export function itemsOf(r: Rendered, name: string): Record<string, unknown>[] {
  const mark = r.marks.get(`${name}_marks`) ?? r.marks.get(name);
  if (mark === undefined) throw new Error(`no mark named ${name}; marks: ${[...r.marks.keys()].join(', ')}`);
  return mark.items;
}

/** How many times `text` occurs in `svg`. */
export function occurrences(svg: string, text: string): number {
  return svg.split(text).length - 1;
}
