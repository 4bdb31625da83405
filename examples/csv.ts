/**
 * A small, dependency-free CSV reader and writer for the examples (RFC 4180 plus the usual
 * real-world tolerances). Not part of the library: cx-metrics itself does no I/O.
 *
 * Reading handles quoted fields, doubled quotes ("") inside them, commas and line breaks inside
 * quotes, LF, CRLF and lone-CR line endings, a UTF-8 byte-order mark, and a missing final line
 * break. Malformed input is an error with its line and column, never a silent guess.
 */

/** A CSV syntax or shape error, with the 1-based line (and column) where it was found. */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    message: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(column === undefined ? `line ${line}: ${message}` : `line ${line}, column ${column}: ${message}`);
  }
}

/** One parsed record: its fields and the 1-based line on which it starts. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * Split CSV text into records of raw string fields. Fields are not trimmed and quotes are
 * removed, so `""` (an empty quoted field) and an empty unquoted field both read as `''`.
 * Empty lines are skipped.
 *
 * @throws CsvError for an unterminated quoted field or text after a closing quote
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1; // current physical line
  let column = 1;
  let recordLine = 1;
  let i = 0;

  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    // A line with nothing on it is a blank line, not a record with one empty field.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  const newline = (): void => {
    line++;
    column = 1;
  };

  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next quote that is not doubled.
      const startLine = line;
      const startColumn = column;
      i++;
      column++;
      let closed = false;
      while (i < src.length) {
        const c = src[i] as string;
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            column += 2;
            continue;
          }
          i++;
          column++;
          closed = true;
          break;
        }
        if (c === '\r' || c === '\n') {
          // Keep the line break inside the field, normalised to \n.
          field += '\n';
          i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
          newline();
          continue;
        }
        field += c;
        i++;
        column++;
      }
      if (!closed) throw new CsvError('quoted field is never closed', startLine, startColumn);
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(
          `unexpected ${JSON.stringify(next)} after a closing quote; expected a comma or line end`,
          line,
          column,
        );
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      column++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      newline();
      recordLine = line;
      continue;
    }
    // Anything else, including a quote in the middle of an unquoted field (e.g. 5" screen), is literal.
    field += ch;
    i++;
    column++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** A data row keyed by column name, with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Parse CSV text with a header row into rows keyed by column name.
 *
 * @param required - column names that must be present in the header
 * @throws CsvError when the header is missing, lacks a required column or repeats a name, or a
 *   row has a different number of fields than the header
 */
export function readCsvTable(text: string, required: readonly string[] = []): { columns: string[]; rows: CsvRow[] } {
  const [header, ...body] = parseCsv(text);
  if (header === undefined) throw new CsvError('no header row; the file is empty', 1);
  const columns = header.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) throw new CsvError(`column ${JSON.stringify(name)} appears twice in the header`, header.line);
    seen.add(name);
  }
  const missing = required.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    throw new CsvError(
      `missing column(s) ${missing.map((m) => JSON.stringify(m)).join(', ')}; the header is ${columns.join(',')}`,
      header.line,
    );
  }
  const rows = body.map((record): CsvRow => {
    if (record.fields.length !== columns.length) {
      throw new CsvError(
        `expected ${columns.length} fields (${columns.join(',')}), found ${record.fields.length}`,
        record.line,
      );
    }
    const values: Record<string, string> = {};
    columns.forEach((name, k) => {
      values[name] = record.fields[k] as string;
    });
    return { line: record.line, values };
  });
  return { columns, rows };
}

/** Quote a field when it needs it (comma, quote, line break, or edge spaces), doubling quotes. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV line (without the line break) from a list of values. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
