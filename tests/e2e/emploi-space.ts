import type { Page } from 'playwright-core';

/** Logs a member in through the employment site's own log-in page, and waits for her space. */
export async function logInToSpace(page: Page, spaceRoot: string, email: string, password: string): Promise<void> {
  await page.goto(`${spaceRoot}espace/connexion/`);
  await page.locator('#connexion-email').fill(email);
  await page.locator('#connexion-mot-de-passe').fill(password);
  await Promise.all([
    page.waitForURL(`${spaceRoot}espace/`),
    page.getByRole('button', { name: 'Me connecter' }).click(),
  ]);
}
