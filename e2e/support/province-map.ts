import type { Page } from 'playwright-core';

/** The colour level (0-5) the geographic province map gives a province, once the map has drawn. */
export async function mapLevel(page: Page, code: string, scope = ''): Promise<number> {
  await page.waitForSelector(`${scope} [data-testid=province-geo] svg path`);
  const levels = (await page.getAttribute(`${scope} [data-testid=province-geo]`, 'data-levels')) ?? '';
  const hit = levels.split(',').find((e) => e.startsWith(`${code}:`));
  if (!hit) throw new Error(`province ${code} is not on the map`);
  return Number(hit.split(':')[1]);
}

/** Switches a province view from the map to the tile grid (the choice is remembered). */
export async function showTiles(page: Page, scope = ''): Promise<void> {
  await page.locator(`${scope} [data-testid=province-view-switch]`).getByText(/^(Dạng ô|Tiles)$/).click();
  await page.waitForSelector(`${scope} [data-testid=province-view][data-view=tiles] [data-testid=province-tile]`);
}
