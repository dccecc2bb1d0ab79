import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js (docs/wiring.md), run on tiny sources placed where a file of the
// server would stand: each rule must refuse its violation and let the allowed import through.
const root = fileURLToPath(new URL('../../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The restricted-import and restricted-property messages for `code` placed at `path` (from the repository root). */
async function refusals(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties').map((m) => m.message);
}

describe('settings', () => {
  it('are read through config.ts only', async () => {
    const env = "export const debug = Boolean(process.env.LACHAN_DEBUG);\n";
    expect(await refusals('apps/server/src/modules/alerts/fixture.ts', env)).toEqual([expect.stringContaining('through config.ts')]);
    expect(await refusals('apps/server/src/platform.ts', env)).toHaveLength(1);
    expect(await refusals('apps/server/src/config.ts', env)).toEqual([]);
    expect(await refusals('apps/server/src/modules/alerts/fixture.test.ts', env)).toEqual([]);
  });
});

describe('layer rules', () => {
  it('keep core/ below the modules and the composition root', async () => {
    expect(await refusals('apps/server/src/core/fixture.ts', "import { appendAudit } from '../modules/audit/index.ts';\nappendAudit();\n"))
      .toEqual([expect.stringContaining('core/ imports only core/ and db/')]);
    expect(await refusals('apps/server/src/core/fixture.ts', "import type { Platform } from '../platform.types.ts';\nexport type P = Platform;\n")).toHaveLength(1);
    expect(await refusals('apps/server/src/core/fixture.ts', "import { withDbPriority } from '../db/index.ts';\nimport { forbidden } from './errors.ts';\nexport const x = [withDbPriority, forbidden];\n")).toEqual([]);
  });

  it('keep common/ above core/ and below the modules', async () => {
    expect(await refusals('apps/server/src/common/fixture.ts', "import { appendAudit } from '../modules/audit/index.ts';\nappendAudit();\n"))
      .toEqual([expect.stringContaining('common/ imports only common/, core/ and db/')]);
    expect(await refusals('apps/server/src/common/fixture.ts', "import { ctxOf } from '../http/request-context.ts';\nexport const c = ctxOf;\n")).toHaveLength(1);
    expect(await refusals('apps/server/src/core/fixture.ts', "import { csvRecords } from '../common/csv-records.ts';\nexport const c = csvRecords;\n"))
      .toEqual([expect.stringContaining('core/ imports only core/ and db/')]);
    const allowed = "import { withDbPriority } from '../db/index.ts';\nimport { forbidden } from '../core/errors.ts';\nimport { csvRecords } from './csv-records.ts';\nexport const x = [withDbPriority, forbidden, csvRecords];\n";
    expect(await refusals('apps/server/src/common/fixture.ts', allowed)).toEqual([]);
  });

  it('keep packages/ free of server modules', async () => {
    expect(await refusals('packages/contracts/src/fixture.ts', "import type { X } from '../../../apps/server/src/modules/audit/index.ts';\nexport type Y = X;\n")).not.toEqual([]);
    expect(await refusals('packages/parsers/src/fixture.ts', "import type { X } from './modules/x.ts';\nexport type Y = X;\n"))
      .toEqual([expect.stringContaining('import no server module')]);
  });

  it('let a module reach another only through its front door', async () => {
    const deep = "import { PromotionEngine } from '../incidents/promotion.engine.ts';\nexport const p = PromotionEngine;\n";
    expect(await refusals('apps/server/src/modules/alerts/fixture.ts', deep)).toEqual([expect.stringContaining('front door')]);
    expect(await refusals('apps/server/src/modules/alerts/fixture.test.ts', deep)).toEqual([expect.stringContaining('front door')]);
    expect(await refusals('apps/server/src/modules/orgs/demo-network/fixture.ts', "import { SECTORS } from '../../reference/sectors.data.ts';\nexport const s = SECTORS;\n"))
      .toEqual([expect.stringContaining('front door')]);
    const allowed = "import { PromotionEngine } from '../incidents/index.ts';\nimport { prepareAlerts } from './prepare.ts';\nimport { ctxOf } from '../../http/request-context.ts';\nimport { forbidden } from '../../core/errors.ts';\nexport const p = [PromotionEngine, prepareAlerts, ctxOf, forbidden];\n";
    expect(await refusals('apps/server/src/modules/alerts/fixture.ts', allowed)).toEqual([]);
    expect(await refusals('apps/server/src/modules/orgs/demo-network/fixture.ts', "import { SECTORS } from '../../reference/index.ts';\nimport { seed } from '../demo-seed.ts';\nexport const s = [SECTORS, seed];\n")).toEqual([]);
  });

  it('keep modules below http/, but for the helpers route files share', async () => {
    expect(await refusals('apps/server/src/modules/alerts/fixture.ts', "import { buildApp } from '../../http/app.ts';\nexport const b = buildApp;\n"))
      .toEqual([expect.stringContaining('modules do not import http/')]);
    expect(await refusals('apps/server/src/modules/orgs/demo-network/fixture.ts', "import { registerAuthHook } from '../../../http/auth-hook.ts';\nexport const r = registerAuthHook;\n"))
      .toEqual([expect.stringContaining('modules do not import http/')]);
    expect(await refusals('apps/server/src/modules/intel/fixture.ts', "import { requestFault } from '../../http/error-handler.ts';\nexport const r = requestFault;\n")).toEqual([]);
  });

  it('keep modules below the composition roots: a route file is given its own services, never all of them', async () => {
    const root = "import type { Services } from '../../services.ts';\nexport type S = Services;\n";
    expect(await refusals('apps/server/src/modules/warnings/fixture.routes.ts', root)).toEqual([expect.stringContaining('composition root')]);
    expect(await refusals('apps/server/src/modules/orgs/demo-network/fixture.ts', "import type { Services } from '../../../services.ts';\nexport type S = Services;\n"))
      .toEqual([expect.stringContaining('composition root')]);
    expect(await refusals('apps/server/src/modules/alerts/fixture.ts', "import { startPlatform } from '../../platform.ts';\nexport const s = startPlatform;\n"))
      .toEqual([expect.stringContaining('composition root')]);
    expect(await refusals('apps/server/src/modules/alerts/fixture.ts', "import type { StartedPlatform } from '../../platform-workers.types.ts';\nexport type P = StartedPlatform;\n"))
      .toEqual([expect.stringContaining('every worker')]);
    // A module names the parts it uses (alerts-parts.ts, incident-parts.ts...); tests may still build from the platform.
    expect(await refusals('apps/server/src/modules/alerts/fixture.ts', "import type { Platform } from '../../platform.types.ts';\nexport type P = Platform;\n"))
      .toEqual([expect.stringContaining('whole platform')]);
    expect(await refusals('apps/server/src/modules/alerts/fixture.test.ts', "import type { Platform } from '../../platform.types.ts';\nexport type P = Platform;\n")).toEqual([]);
  });

  it('keep the composition roots, http and cli on the front doors too', async () => {
    expect(await refusals('apps/server/src/http/fixture.ts', "import { orgsPolicy } from '../modules/orgs/orgs.policy.ts';\nexport const o = orgsPolicy;\n"))
      .toEqual([expect.stringContaining('front door')]);
    expect(await refusals('apps/server/src/fixture.ts', "import { orgsPolicy } from './modules/orgs/index.ts';\nexport const o = orgsPolicy;\n")).toEqual([]);
  });
});
