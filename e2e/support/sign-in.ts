import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';

/**
 * What an authenticator app shows for `secret`, `stepsAhead` periods of 30 s from now. The server
 * accepts one step either side and never the same step twice, so a second sign-in within the same
 * 30 s uses the next step's code, as a user would wait for the next one.
 */
export function authenticatorCode(secret: string, stepsAhead = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + stepsAhead * 30_000 });
}

/** Fills the sign-in form at `path`; with `code`, also the second step when it is asked for. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, opts: { path?: string; code?: string } = {}): Promise<void> {
  await page.goto(`${baseUrl}${opts.path ?? '/'}`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  if (opts.code === undefined) return;
  await page.waitForSelector('[data-testid=second-factor-step]');
  await page.fill('input[name=code]', opts.code);
  await page.click('button[type=submit]');
}
