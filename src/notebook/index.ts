// Re-exports only: 'cx-metrics/notebook', Jupyter display and Vega-Lite chart specs. Nothing here
// imports vega or vega-lite: the specs are plain JSON, rendered by the notebook front end.

export { formatResult } from '../format/formatResult.ts';
export { type ResultKind, resultKind } from '../format/kinds.ts';
export { segmentChart, trendChart } from './analysisCharts.ts';
export { cohortRetentionChart } from './cohortRetentionChart.ts';
export { type ComparisonChartOptions, comparisonChart } from './comparisonChart.ts';
export { type DistributionChartOptions, distributionChart } from './distributionChart.ts';
export { type DriverChartOptions, driverChart } from './driverChart.ts';
export { type FunnelChartOptions, funnelChart } from './funnelChart.ts';
export { type IntervalChartOptions, intervalChart } from './intervalChart.ts';
export {
  type KaplanMeierChartInput,
  type KaplanMeierChartOptions,
  type KaplanMeierChartPoint,
  kaplanMeierChart,
} from './kaplanMeierChart.ts';
export { type MetricOverTimeChartOptions, type MetricPoint, metricOverTimeChart } from './metricOverTimeChart.ts';
export { type NpsBreakdownChartOptions, npsBreakdownChart } from './npsBreakdownChart.ts';
export {
  chartFor,
  DENO_INSPECT,
  JUPYTER_DISPLAY,
  type MimeBundle,
  NODE_INSPECT,
  type Shown,
  show,
  VEGA_LITE_MIME,
} from './show.ts';
export {
  type ChartOptions,
  type DataRow,
  type JsonValue,
  type MetricFormat,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from './spec.ts';
