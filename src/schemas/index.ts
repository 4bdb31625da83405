// 'cx-metrics/schemas': the only part of cx-metrics that imports zod (at top level, in the files
// re-exported here), so consumers of the main entry never bundle zod. Re-exports only.
export { CxMetricsError } from '../errors.ts';
export { type Customer, customerSchema } from './customerSchema.ts';
export { cartSchema, journeyEventSchema, type ParsedCart, type ParsedJourneyEvent } from './journeySchema.ts';
export { type JsonSchema, type JsonSchemas, jsonSchemas } from './jsonSchemas.ts';
export { type NpsResponse, npsResponseSchema, npsScoreSchema } from './npsResponseSchema.ts';
export { type ParseCustomersOptions, parseCustomers, parseCustomersOrThrow } from './parseCustomers.ts';
export {
  type ParseCartsOptions,
  type ParseJourneyEventsOptions,
  parseCarts,
  parseCartsOrThrow,
  parseJourneyEvents,
  parseJourneyEventsOrThrow,
} from './parseJourney.ts';
export {
  type ParseResponsesOptions,
  parseResponses,
  parseResponsesOrThrow,
  type SurveyResponseField,
} from './parseResponses.ts';
export { HOLES_LISTED, type ParseResult, parseRows, parseRowsOrThrow, type RowError } from './parseRows.ts';
export { type ParseTicketsOptions, parseTickets, parseTicketsOrThrow } from './parseTickets.ts';
export {
  SCALE_DIRECTIONS,
  type Scale,
  type ScaleDirection,
  type ScaleInput,
  SURVEY_SCALES,
  scaleSchema,
} from './scaleSchema.ts';
export {
  type CesSurveyResponse,
  type CsatSurveyResponse,
  createSurveyResponseSchema,
  JOURNEY_STAGES,
  type JourneyStage,
  type NpsSurveyResponse,
  SURVEY_TYPES,
  type SurveyResponse,
  type SurveyResponseSchemaOptions,
  type SurveyType,
  surveyResponseSchema,
} from './surveyResponseSchema.ts';
export { type Ticket, ticketSchema } from './ticketSchema.ts';
export {
  ISO_TIMESTAMP_PATTERN,
  optionalTimestampSchema,
  type TimestampParseOptions,
  type TimestampUnit,
  timestampSchema,
} from './timestampSchema.ts';
