// Type-test helpers for test/types/*.types.ts: compiled by `tsc --noEmit` (the repo's typecheck)
// and, against the packed .d.ts, by scripts/ci/consumer-check.mjs; never executed.

/** True when A and B are the same type (not merely mutually assignable). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when the condition type is `true`: `expectTrue<Equal<typeof r, NpsResult>>()`. */
export function expectTrue<_Condition extends true>(): void {}

/** Compiles only when `value` is assignable to T; T is given, not inferred: `expectType<number>(x)`. */
export function expectType<T>(_value: NoInfer<T>): void {}
