import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../harness/strapi';
import { launchBrowser } from './browser';
import { buildAndServe, type BuiltSite } from './built-site';

/** Where the employment site is served in its browser tests. */
export const BASE = '/emploi/';

/** The employment site built against `app` and served with the API beside it, and a browser. */
export interface SpaceSite {
  site: BuiltSite;
  browser: Browser;
  /** `path` below the site's base, as an absolute address. */
  url(path?: string): string;
  /** Logs a member in through the site's own log-in page, and waits for her space. */
  logIn(page: Page, email: string, password: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSpaceSite(app: TestApp): Promise<SpaceSite> {
  const site = await buildAndServe({ site: 'emploi', base: BASE, cmsUrl: app.baseUrl, proxyApi: true });
  const browser = await launchBrowser();
  const url = (path = '') => `${site.url}${BASE}${path}`;
  return {
    site,
    browser,
    url,
    async logIn(page, email, password) {
      await page.goto(url('espace/connexion/'));
      await page.locator('#connexion-email').fill(email);
      await page.locator('#connexion-mot-de-passe').fill(password);
      await Promise.all([page.waitForURL(url('espace/')), page.getByRole('button', { name: 'Me connecter' }).click()]);
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
