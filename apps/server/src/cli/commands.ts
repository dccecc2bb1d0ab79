import { readFileSync, writeFileSync } from 'node:fs';
import type { parseArgs as ParseArgs } from 'node:util';
import { ROLES, USER_ROLES, type Role } from '@lachan/contracts';
import type { Platform } from '../platform.types.ts';
import { systemContext } from '../core/context.ts';
import { parseHeads, signedHead, verifyAuditChain } from '../modules/audit/index.ts';
import { orgsRepository, seedDemoNetwork } from '../modules/orgs/index.ts';
import { UsersService, usersRepository } from '../modules/users/index.ts';
import { ApiKeysService } from '../modules/apikeys/index.ts';

export const USAGE = `Usage: npm run lachan -- <command> [options]

Commands:
  serve [--roles api,ingest,workers]   run a server process with these roles (default all three: one
                                       process, as \`npm start\`); several nodes share one PostgreSQL
  migrate                              apply pending database migrations
  seed-demo                            load the fictional national network (idempotent)
  user create --email E --name N --org ORG --role R [--password P]
                                       create a user (password generated and printed if omitted;
                                       a given one must pass the password policy)
  user reset-password --email E [--password P]
                                       set a user's password (generated and printed if omitted)
                                       and end their sessions
  user reset-second-factor --email E   remove a user's second factor (lost phone and recovery
                                       codes); they enrol again at their next sign-in
  api-key create --name N --org ORG --role R
                                       issue an API key (printed once)
  audit verify [--against FILE]        check the audit hash chain, its head and signed checkpoints (and the
                                       heads in FILE: an exported head or the checkpoint file); names the
                                       first broken link, exit 3 when broken
  audit head [--out FILE]              print the chain head signed now (and write it to FILE): keep it
                                       elsewhere to detect a truncated or rewritten tail later
  help                                 this text

ORG is an organisation id, or "root" for the national coordination centre.
Roles: ${ROLES.join(', ')}
Environment: DATABASE_URL, LACHAN_DATA_DIR (see README).`;

type Parse = typeof ParseArgs;

async function orgIdOf(platform: Platform, value: string | undefined): Promise<string> {
  if (!value) throw new Error('--org is required');
  if (value !== 'root') return value;
  const root = await orgsRepository.root(platform.db);
  if (!root) throw new Error('no national coordination centre exists');
  return root.id;
}

/** Runs one command; returns the process exit code. */
export async function runCommand(platform: Platform, argv: string[], parseArgs: Parse): Promise<number> {
  const [cmd, sub] = argv;
  const root = await orgsRepository.root(platform.db);
  const ctx = systemContext(root?.id ?? '00000000-0000-0000-0000-000000000000', 'cli');
  // Only the two services the commands call: building them starts nothing (no worker, no timer).
  const services = { users: new UsersService(platform), apiKeys: new ApiKeysService(platform) };
  const opts = (rest: string[]) =>
    parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } }).values;

  if (cmd === 'seed-demo') {
    const r = await seedDemoNetwork(platform, ctx);
    console.log(r.created ? `created ${r.created} demo organisations` : 'the demo network is already loaded');
    return 0;
  }
  if (cmd === 'user' && sub === 'create') {
    const o = opts(argv.slice(2));
    if (!o.email || !o.name || !o.role || !(USER_ROLES as readonly string[]).includes(o.role)) throw new Error(`--email, --name and --role (${USER_ROLES.join(', ')}) are required`);
    const r = await services.users.create(ctx, { email: o.email, name: o.name, orgId: await orgIdOf(platform, o.org), role: o.role as Exclude<Role, 'connector'>, ...(o.password ? { password: o.password } : {}) });
    console.log(`created user ${r.user.email} (${r.user.role}) in ${r.user.orgName}`);
    if (r.initialPassword) console.log(`password: ${r.initialPassword}`);
    return 0;
  }
  if (cmd === 'user' && (sub === 'reset-password' || sub === 'reset-second-factor')) {
    const o = opts(argv.slice(2));
    const id = o.email ? await usersRepository.idByEmail(platform.db, o.email) : undefined;
    if (!id) throw new Error(o.email ? `no user with the e-mail ${o.email}` : '--email is required');
    if (sub === 'reset-second-factor') {
      await services.users.resetSecondFactor(ctx, id);
      console.log(`second factor of ${o.email} removed; they enrol a new one at their next sign-in if their role requires it`);
      return 0;
    }
    const r = await services.users.resetPassword(ctx, id, o.password ? { password: o.password } : {});
    console.log(`password of ${o.email} set; their sessions ended`);
    if (r.initialPassword) console.log(`password: ${r.initialPassword}`);
    return 0;
  }
  if (cmd === 'api-key' && sub === 'create') {
    const o = opts(argv.slice(2));
    if (!o.name || !o.role || !ROLES.includes(o.role as Role)) throw new Error(`--name and --role (${ROLES.join(', ')}) are required`);
    const k = await services.apiKeys.create({ ...ctx, actor: { ...ctx.actor, type: 'user' } }, { name: o.name, orgId: await orgIdOf(platform, o.org), role: o.role as Role });
    console.log(`API key ${k.prefix}… for ${k.orgName} (${k.role}); shown once:\n${k.key}`);
    return 0;
  }
  if (cmd === 'audit' && sub === 'head') {
    const o = parseArgs({ args: argv.slice(2), options: { out: { type: 'string' } } }).values;
    const head = JSON.stringify(await signedHead(platform.db, platform.audit.signer));
    if (o.out) writeFileSync(o.out, `${head}\n`);
    console.log(head);
    return 0;
  }
  if (cmd === 'audit' && sub === 'verify') {
    const o = parseArgs({ args: argv.slice(2), options: { against: { type: 'string' } } }).values;
    const heads = o.against ? parseHeads(readFileSync(o.against, 'utf8')) : [];
    const r = await verifyAuditChain(platform.db, platform.audit.signer, heads);
    if (r.ok) {
      console.log(`audit chain intact: ${r.checked} links verified, head ${r.head?.lastId}, ${r.anchors} signed checkpoints and heads matched`);
      return 0;
    }
    console.error(`audit chain BROKEN at id ${r.firstBroken!.id}: ${r.firstBroken!.reason} (${r.checked} links verified before it)`);
    return 3;
  }
  console.error(`unknown command: ${argv.join(' ')}\n\n${USAGE}`);
  return 1;
}
