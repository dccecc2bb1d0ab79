export * from './common.ts';
export * from './access.ts';
export * from './reference.ts';
export * from './orgs.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './events.ts';
export * from './text.ts';
