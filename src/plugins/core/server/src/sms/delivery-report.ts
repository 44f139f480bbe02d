import { z } from 'zod';
import type { SmsStatus } from '../../../shared/contracts/sms';

/**
 * What OVH posts (or puts in the query string) when the network reports on a message. Its
 * fields are not documented consistently: known ones are checked for type and length, unknown
 * ones ignored, and nothing in it is trusted beyond that.
 */
const digits = (field: string, max: number) =>
  z
    .union([z.string(), z.number()], { error: `Le champ ${field} doit être un nombre.` })
    .transform((value) => String(value).trim())
    .pipe(
      z
        .string()
        .regex(new RegExp(`^\\d{1,${max}}$`), `Le champ ${field} doit être un nombre de ${max} chiffres au plus.`),
    );

const text = (field: string, max: number) =>
  z
    .union([z.string(), z.number()], { error: `Le champ ${field} doit être un texte.` })
    .transform(String)
    .pipe(z.string().max(max, `Le champ ${field} compte ${max} caractères au plus.`));

export const deliveryReportSchema = z.object({
  id: digits('id', 20),
  ptt: digits('ptt', 4).optional(),
  dlr: digits('dlr', 3).optional(),
  date: text('date', 40).optional(),
  description: text('description', 200).optional(),
});

export type DeliveryReport = z.infer<typeof deliveryReportSchema>;

export interface ReportEffect {
  /** The new status, or undefined while the message is still on its way. */
  status?: Extract<SmsStatus, 'delivered' | 'undelivered' | 'blacklisted'>;
  /** `dlr:1`, `ptt:53`… kept on the receipt. */
  code: string | null;
}

/**
 * DLR values follow the SMPP convention (1 delivered, 2 failed, 4 buffered, 8 submitted, 16
 * rejected by the network); PTT codes are OVH's (53 the number replied STOP, 800–804
 * undeliverable, expired, deleted, rejected, unknown).
 */
export function effectOf(report: DeliveryReport): ReportEffect {
  if (report.dlr !== undefined) {
    const dlr = Number(report.dlr);
    const code = `dlr:${dlr}`;
    if (dlr === 1) return { status: 'delivered', code };
    if (dlr === 2 || dlr === 16) return { status: report.ptt === '53' ? 'blacklisted' : 'undelivered', code };
    return { code };
  }
  if (report.ptt !== undefined) {
    const ptt = Number(report.ptt);
    const code = `ptt:${ptt}`;
    if (ptt === 53) return { status: 'blacklisted', code };
    if (ptt >= 800 && ptt <= 804) return { status: 'undelivered', code };
    return { code };
  }
  return { code: null };
}

/** A report's date when it reads as one and is plausible, otherwise now. */
export function reportDate(value: string | undefined, now: Date = new Date()): Date {
  if (!value) return now;
  const trimmed = value.trim();
  const parsed = /^\d{9,11}$/.test(trimmed)
    ? new Date(Number(trimmed) * 1000)
    : new Date(/^\d{4}-\d{2}-\d{2} /.test(trimmed) ? trimmed.replace(' ', 'T') : trimmed);
  const time = parsed.getTime();
  const day = 86_400_000;
  if (Number.isNaN(time) || time > now.getTime() + day || time < now.getTime() - 30 * day) return now;
  return parsed;
}

/** Letters, digits, spaces and common punctuation only: the text is shown to staff as is. */
export function cleanDescription(value: string | undefined): string | null {
  if (!value) return null;
  const cleaned = value
    .replace(/[^\p{L}\p{N} .,:;'()/_-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned ? cleaned.slice(0, 200) : null;
}
