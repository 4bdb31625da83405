// Records are read by a field name given by the caller (an `accessor`, a `by`, an `at`, a
// touchpoint's field): only the record's OWN properties count. A plain `record[key]` would also
// find what the record inherits — `constructor`, `toString`, `__proto__` from Object.prototype,
// a method or getter of a class — and read a function or an object as if it were the field's
// value. A record without the own field is a record without the field (missing, as undefined).

/** The record's own property `key`, or undefined when it has none (or is not an object). @internal */
export function ownField(record: unknown, key: PropertyKey): unknown {
  if (record === null || (typeof record !== 'object' && typeof record !== 'function')) return undefined;
  const v = (record as Record<PropertyKey, unknown>)[key];
  return v !== undefined && Object.hasOwn(record, key) ? v : undefined;
}

/**
 * `ownField` as a reader for loops, one per call: the plain property read, then a check only when
 * the record's prototype chain has a property of that name. The chain is looked at once per
 * distinct prototype (the last one is kept), so plain objects and instances of one class — the
 * common input — pay a prototype load and one comparison per record, never `Object.hasOwn`, unless
 * the name is inherited (`constructor`, or a class getter), where each record is checked. The
 * tightest loops (scoreHistogram.ts, groupedHistograms.ts, histogramsByField.ts) inline the same
 * check. @internal
 */
export function ownFieldReader(key: PropertyKey): (record: unknown) => unknown {
  let proto: object | null = Object.prototype;
  let inherited = key in Object.prototype;
  return (record) => {
    if (record === null || (typeof record !== 'object' && typeof record !== 'function')) return undefined;
    const v = (record as Record<PropertyKey, unknown>)[key];
    if (v === undefined) return undefined;
    const p = Object.getPrototypeOf(record) as object | null;
    if (p !== proto) {
      proto = p;
      inherited = p !== null && key in p;
    }
    return !inherited || Object.hasOwn(record, key) ? v : undefined;
  };
}
