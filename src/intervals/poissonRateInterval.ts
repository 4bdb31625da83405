import { printable } from '../format/printable.ts';
import {
  type PoissonRateIntervalOptions,
  type PoissonRateResult,
  poissonRateIntervalResult,
} from '../stats/poissonRateInterval.ts';

/**
 * Exact (Garwood) confidence interval for a Poisson rate: events per unit of exposure.
 *
 * lower = G⁻¹(α/2; k)/E (0 when k = 0), upper = G⁻¹(1 − α/2; k + 1)/E, where G⁻¹(·; s) is the
 * gamma quantile with shape s (equivalently χ²(2k)/2 and χ²(2k + 2)/2). Garwood (1936),
 * "Fiducial limits for the Poisson distribution", Biometrika 28:437–442,
 * doi:10.1093/biomet/28.3-4.437. Conservative: coverage ≥ nominal. Agrees with R's
 * `poisson.test` to 1e-9, including 4000 events (test/fixtures/r-poisson-exact.json).
 *
 * @param events - whole number of events ≥ 0
 * @param exposure - total exposure (customer-days, ticket-hours, …), finite and > 0
 * @param options - `confidence`
 * @returns Estimate with value = events/exposure, n = events, standardError = √k/E, plus `exposure`
 * @throws CxMetricsError INVALID_VALUE for a negative or fractional event count or a non-positive
 *   exposure; INVALID_OPTION for confidence outside (0, 1), options that are not a plain object,
 *   or an unknown option key
 * @example
 * poissonRateInterval(10, 1000).upper // => 0.018390356042017778 (to 1e-14)
 */
export function poissonRateInterval(
  events: number,
  exposure: number,
  options?: PoissonRateIntervalOptions,
): PoissonRateResult {
  return printable({ kind: 'rate', ...poissonRateIntervalResult('poissonRateInterval', events, exposure, options) });
}
