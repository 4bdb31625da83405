import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDialect } from '../../src/sql/index.ts';

// Two real SQL engines in-process for the tests: DuckDB (embedded, @duckdb/node-api) and
// PostgreSQL (PGlite: Postgres compiled to WebAssembly). Tables load from CSV text with an explicit
// DDL, the same on both (empty fields are NULL), through each engine's own COPY.

export interface Engine {
  dialect: SqlDialect;
  /** Run a parameterized query; rows as objects keyed by column alias, values as the driver gives them. */
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Create `table` with `columns` ('name TYPE', names quoted by the caller) and COPY the CSV text in. */
  load(table: string, columns: readonly string[], csv: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const dir = mkdtempSync(join(tmpdir(), 'cx-sql-'));
  let files = 0;
  return {
    dialect: 'duckdb',
    async query(text, params) {
      const reader = await connection.runAndReadAll(text, params as never);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    async load(table, columns, csv) {
      const file = join(dir, `t${files++}.csv`);
      writeFileSync(file, csv);
      await connection.run(`CREATE TABLE ${table} (${columns.join(', ')})`);
      await connection.run(`COPY ${table} FROM '${file}' (FORMAT csv, HEADER true)`);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openPostgres(): Promise<Engine> {
  const pg = await PGlite.create();
  return {
    dialect: 'postgres',
    async query(text, params) {
      const result = await pg.query(text, params);
      return result.rows as Record<string, unknown>[];
    },
    async load(table, columns, csv) {
      await pg.exec(`CREATE TABLE ${table} (${columns.join(', ')})`);
      await pg.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([csv]),
      });
    },
    async close() {
      await pg.close();
    },
  };
}
