import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { installMailCapture } from './capture';
import { capturedEmails } from './gdpr';

/** Called from core's bootstrap: capture (when on), and captured e-mails declared as personal data. */
export function bootstrapMail(strapi: Core.Strapi): void {
  const mail = getService(strapi, 'mail');
  installMailCapture(strapi, mail.mode());
  if (mail.mode() === 'capture') {
    const message = 'E-mail: capture mode, nothing is sent (Socle › E-mails capturés); set SMTP_HOST to send';
    // Expected in the demo and the tests; worth a warning on a real install.
    if (process.env.NODE_ENV === 'production') strapi.log.warn(message);
    else strapi.log.info(message);
  }
  getService(strapi, 'gdpr').register(capturedEmails(strapi));
}
