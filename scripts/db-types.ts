import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase } from '../apps/server/src/db/index.ts';
import { generateSchemaTypes } from '../apps/server/src/db/schema-types.ts';

// Writes apps/server/src/db/schema.generated.ts from the migrations, applied to a fresh in-memory database.
const target = fileURLToPath(new URL('../apps/server/src/db/schema.generated.ts', import.meta.url));
const database = await openDatabase({ dataDir: null });
try {
  await migrate(database);
  writeFileSync(target, await generateSchemaTypes(database.db));
  console.log(`wrote ${target}`);
} finally {
  await database.close();
}
