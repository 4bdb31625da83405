import { readFileSync } from 'node:fs';
import { readCsvTable } from '../../examples/csv.ts';
import { parseTicketsOrThrow } from '../../src/schemas/index.ts';

/** The bundled sample tickets (examples/data/tickets.csv), parsed with the Ticket schema. */
export function loadSampleTickets() {
  const { rows } = readCsvTable(readFileSync(new URL('../../examples/data/tickets.csv', import.meta.url), 'utf8'));
  return parseTicketsOrThrow(
    rows.map(({ values }) => ({
      id: values.id,
      customerId: values.customer_id,
      createdAt: values.created_at,
      firstResponseAt: values.first_response_at,
      resolvedAt: values.resolved_at,
      reopenedAt: values.reopened_at,
      agentReplies: values.agent_replies,
      customerContacts: values.customer_contacts,
      channel: values.channel,
      firstContactResolved: values.first_contact_resolved,
    })),
  );
}

/** The export time of the sample tickets: open tickets are censored here. */
export const SAMPLE_TICKETS_AS_OF = '2026-04-01T00:00:00Z';
