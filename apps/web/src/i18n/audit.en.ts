import type { auditVi } from './audit.vi.ts';
import type { WithEnglishPlurals } from './en.ts';

/** English strings of the audit log viewer. */
export const auditEn: WithEnglishPlurals<typeof auditVi> = {
  title: 'Audit log',
  introCentre: 'Every change on the platform, append-only and hash-chained; filter, export and verify the chain.',
  introOrg: 'Changes concerning your organisation and those under it.',
  export: 'Export',
  more: 'Load more',
  none: 'No entry matches the filters.',
  requestId: 'request id',
  before: 'Before',
  after: 'After',
  filter: { action: 'Action', actor: 'Actor', entityType: 'Entity type', entityId: 'Entity id', org: 'Organisation', from: 'From', to: 'To', clear: 'Clear filters' },
  col: { at: 'Time', actor: 'Actor', action: 'Action', entity: 'Entity', org: 'Organisation', ip: 'IP' },
  actorType: { user: 'User', apikey: 'API key', system: 'System' },
  chain: {
    title: 'Hash chain',
    verify: 'Verify the chain',
    head: 'Download the signed head',
    hint: 'Keep the signed head elsewhere to detect a truncated or rewritten tail later.',
    ok: 'The chain is intact',
    broken: 'The chain is broken',
    checked_one: '{{n}} entry checked, against {{anchors}} signed anchors.',
    checked_other: '{{n}} entries checked, against {{anchors}} signed anchors.',
    firstBroken: 'First broken link: #{{id}} ({{reason}}).',
  },
};
