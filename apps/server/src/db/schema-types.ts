import { sql, type Kysely } from 'kysely';

/** A column as the catalogue describes it. */
type CatalogueColumn = {
  table_name: string; column_name: string; type_name: string; element_type: string | null; not_null: boolean; has_default: boolean; generated_always: boolean;
};

const SCALARS: Record<string, string> = {
  bool: 'boolean', int2: 'number', int4: 'number', float4: 'number', float8: 'number', int8: 'string', numeric: 'string', text: 'string', varchar: 'string',
  bpchar: 'string', uuid: 'string', inet: 'string', cidr: 'string', citext: 'string', tsvector: 'string', bytea: 'Uint8Array', interval: 'string',
};
// Timestamps and dates read as Date (db/pg-timestamp.ts) and are written as Date or text; json is written as text.
const COLUMN_TYPES: Record<string, { read: string; write: string }> = {
  timestamptz: { read: 'Date', write: 'Date | string' }, timestamp: { read: 'Date', write: 'Date | string' }, date: { read: 'Date', write: 'Date | string' },
  json: { read: 'unknown', write: 'string' }, jsonb: { read: 'unknown', write: 'string' },
};

const pascal = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());

function columnType(c: CatalogueColumn): string {
  const element = c.element_type ?? c.type_name;
  const suffix = c.element_type ? '[]' : '';
  const nullable = c.not_null ? '' : ' | null';
  const written = COLUMN_TYPES[element];
  if (written && !c.element_type) {
    const insert = `${written.write}${nullable}${c.has_default ? ' | undefined' : ''}`;
    return `ColumnType<${written.read}${nullable}, ${insert}, ${written.write}${nullable}>`;
  }
  const type = `${written ? written.read : (SCALARS[element] ?? 'unknown')}${suffix}${nullable}`;
  if (c.generated_always) return `GeneratedAlways<${type}>`;
  return c.has_default ? `Generated<${type}>` : type;
}

/**
 * The Kysely table types of every table of the schema `public` of a migrated database (partitions left
 * out, as their parent stands for them), as the text of `schema.generated.ts`.
 */
export async function generateSchemaTypes<T>(db: Kysely<T>): Promise<string> {
  const columns = (await sql<CatalogueColumn>`select c.relname as table_name, a.attname as column_name, t.typname as type_name,
      case when t.typcategory = 'A' then e.typname end as element_type, a.attnotnull as not_null,
      (a.atthasdef or a.attidentity <> '') and a.attgenerated = '' as has_default, a.attgenerated <> '' as generated_always
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_type t on t.oid = a.atttypid left join pg_type e on e.oid = t.typelem
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname, a.attnum`.execute(db)).rows;
  const tables = new Map<string, CatalogueColumn[]>();
  for (const c of columns) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c]);
  const out = [
    '// Generated from the migrations by `npm run db:types` (apps/server/src/db/schema-types.ts): do not edit.',
    '// schema-types.int.test.ts fails when it differs from a fresh generation.',
    "import type { ColumnType, Generated, GeneratedAlways } from 'kysely';",
  ];
  for (const [table, cols] of tables) {
    out.push('', `export interface ${pascal(table)}Table {`, ...cols.map((c) => `  ${c.column_name}: ${columnType(c)};`), '}');
  }
  out.push('', '/** Every table, as the migrations make it. */', 'export interface GeneratedDB {', ...[...tables.keys()].map((t) => `  ${t}: ${pascal(t)}Table;`), '}', '');
  return out.join('\n');
}
