import {
  DEFAULT_SENDING_WINDOW,
  MAX_SMS_PARTS,
  checkMobile,
  easterSunday,
  formatPhone,
  frenchPublicHolidays,
  isGsm7,
  isWithinSendingWindow,
  maskPhone,
  nextSendingTime,
  smsCost,
  smsLength,
  smsLengthProblem,
  toGsm7,
} from '../../shared/sms';
import { cleanDescription, deliveryReportSchema, effectOf, reportDate } from '../../server/src/sms/delivery-report';
import { ovhSignature } from '../../server/src/sms/ovh/signature';

describe('mobile numbers', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678', 'FR'],
    ['07.81.23.45.67', '+33781234567', 'FR'],
    ['+33 6 12 34 56 78', '+33612345678', 'FR'],
    ['0033612345678', '+33612345678', 'FR'],
    ['+33 (0)6 12 34 56 78', '+33612345678', 'FR'],
    ['0692 12 34 56', '+262692123456', 'RE'],
    ['+262 692 12 34 56', '+262692123456', 'RE'],
    ['0639 01 23 45', '+262639012345', 'YT'],
    ['0690 12 34 56', '+590690123456', 'GP'],
    ['0694 20 12 34', '+594694201234', 'GF'],
    ['0696 12 34 56', '+596696123456', 'MQ'],
    ['+687 75 12 34', '+687751234', 'NC'],
  ])('accepts %s as %s', (input, e164, region) => {
    expect(checkMobile(input)).toEqual({ ok: true, e164, region });
  });

  it.each([
    ['', 'Indiquez un numéro de mobile.'],
    [undefined, 'Indiquez un numéro de mobile.'],
    [612345678, 'Indiquez un numéro de mobile.'],
    ['01 23 45 67 89', 'Ce numéro est un fixe : indiquez un numéro de mobile (06, 07…).'],
    ['0262 12 34 56', 'Ce numéro est un fixe : indiquez un numéro de mobile (06, 07…).'],
    ['08 00 12 34 56', 'Ce numéro ne reçoit pas de SMS : indiquez un numéro de mobile (06, 07…).'],
    ['06 12 34', 'Ce numéro de téléphone n’est pas valide.'],
    ['07 00 00 00 00', 'Ce numéro de téléphone n’est pas valide.'],
    ['+44 7400 123456', 'Ce numéro est étranger : les SMS ne partent que vers les mobiles de France et des outre-mer.'],
    ['+269 321 23 45', 'Ce numéro est étranger : les SMS ne partent que vers les mobiles de France et des outre-mer.'],
    ['06 12 34 56 78 <script>', 'Un numéro de téléphone ne contient que des chiffres, des espaces et le signe +.'],
    ['0'.repeat(31), 'Ce numéro est trop long.'],
    ['+33+612345678', 'Ce numéro de téléphone n’est pas valide.'],
  ])('refuses %j in French', (input, message) => {
    expect(checkMobile(input)).toEqual({ ok: false, message });
  });

  it('accepts foreign mobiles only when the install allows their region', () => {
    expect(checkMobile('+269 321 23 45', { regions: ['FR', 'KM'] })).toEqual({
      ok: true,
      e164: '+2693212345',
      region: 'KM',
    });
  });

  it('takes ARCEP’s fiction numbers (06 39 98 xx xx) only when asked to, for demo data', () => {
    expect(checkMobile('06 39 98 12 01')).toEqual({ ok: false, message: 'Ce numéro de téléphone n’est pas valide.' });
    expect(checkMobile('06 39 98 12 01', { fictional: true })).toEqual({
      ok: true,
      e164: '+33639981201',
      region: 'FR',
    });
    // Only the mobile block: ARCEP's fiction landlines still receive no SMS.
    expect(checkMobile('01 99 00 12 01', { fictional: true })).toMatchObject({ ok: false });
  });

  it('masks numbers in lists, keeping the last two digits', () => {
    expect(maskPhone('+33612345678')).toBe('+33 6 •• •• •• 78');
    expect(maskPhone('+262692123456')).toBe('+262 6 •• •• •• 56');
    expect(maskPhone(null)).toBe('—');
    expect(formatPhone('+262692123456')).toBe('+262 692 12 34 56');
  });
});

describe('length and cost of a message', () => {
  it('counts GSM-7 parts: 160 alone, 153 each beyond', () => {
    expect(smsLength('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1, remaining: 0 });
    expect(smsLength('a'.repeat(161))).toMatchObject({ parts: 2, perPart: 153, remaining: 145 });
    expect(smsLength('a'.repeat(306)).parts).toBe(2);
    expect(smsLength('a'.repeat(307)).parts).toBe(3);
  });

  it('keeps é è à ù É in GSM-7', () => {
    expect(isGsm7('Été : rendez-vous à 9 h, où ça ? Là-bas.'.replace('ç', 'c'))).toBe(true);
  });

  it('counts extension characters (€ [ ] { } ~ ^ | \\) twice and never splits them across parts', () => {
    expect(smsLength('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1 });
    expect(smsLength('€'.repeat(81))).toMatchObject({ units: 162, parts: 2 });
    // 152 septets then a two-septet character: it cannot straddle parts 1 and 2.
    const text = `${'a'.repeat(152)}€${'a'.repeat(10)}`;
    expect(smsLength(text)).toMatchObject({ units: 164, parts: 2, remaining: 153 - 12 });
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7: 70, then 67', () => {
    for (const character of ['ê', 'â', 'î', 'ô', 'û', 'ë', 'ï', 'œ', '’', '«', '»', '–', '…', '\u00a0', 'ç']) {
      const length = smsLength(`Bonjour ${character}`);
      expect([character, length.encoding, length.unicodeCharacters]).toEqual([character, 'UCS-2', [character]]);
    }
    expect(smsLength('ê'.repeat(70))).toMatchObject({ parts: 1, perPart: 70 });
    expect(smsLength('ê'.repeat(71))).toMatchObject({ parts: 2, perPart: 67 });
    expect(smsLength('ê'.repeat(134)).parts).toBe(2);
    expect(smsLength('ê'.repeat(135)).parts).toBe(3);
  });

  it('costs one credit per part, the STOP clause included when asked for', () => {
    expect(smsCost('a'.repeat(150))).toMatchObject({ parts: 1, credits: 1 });
    expect(smsCost('a'.repeat(150), { stopClause: true })).toMatchObject({ units: 161, parts: 2, credits: 2 });
  });

  it(`refuses more than ${MAX_SMS_PARTS} parts, in French, with how much to cut`, () => {
    expect(smsLengthProblem('a'.repeat(918))).toBeNull();
    expect(smsLengthProblem('a'.repeat(919))).toBe(
      'Ce message ferait 7 SMS ; 6 au plus sont permis. Retirez environ 1 caractère.',
    );
    expect(smsLengthProblem('ê'.repeat(500))).toBe(
      'Ce message ferait 8 SMS ; 6 au plus sont permis. Retirez environ 98 caractères. Certains caractères (ê) réduisent chaque SMS à 67 caractères : les remplacer allonge la limite.',
    );
    expect(smsLengthProblem('   ')).toBe('Le message est vide.');
  });

  it('transliterates French typography to stay in GSM-7', () => {
    const original = 'L’atelier « cuisine » reprend… Fête de l’œuvre\u00a0: ça commence — ÊTRE là';
    const gsm = toGsm7(original);
    expect(gsm).toBe('L\'atelier " cuisine " reprend... Fete de l\'oeuvre : ca commence - ETRE là');
    expect(isGsm7(gsm)).toBe(true);
    expect(smsLength(original).encoding).toBe('UCS-2');
    expect(smsLength(gsm).encoding).toBe('GSM-7');
  });

  it('keeps what has no GSM-7 look-alike', () => {
    expect(toGsm7('Merci 🙂')).toBe('Merci 🙂');
    expect(toGsm7('Déjà été à Noël')).toBe('Déjà été à Noel');
  });
});

describe('sending hours', () => {
  it('computes Easter and the French public holidays that move with it', () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
    const holidays = frenchPublicHolidays(2026);
    expect(holidays.get('2026-04-06')).toBe('Lundi de Pâques');
    expect(holidays.get('2026-05-14')).toBe('Ascension');
    expect(holidays.get('2026-05-25')).toBe('Lundi de Pentecôte');
    expect([...holidays.keys()]).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(frenchPublicHolidays(2025).get('2025-06-09')).toBe('Lundi de Pentecôte');
    expect(frenchPublicHolidays(2026, 'alsace-moselle').get('2026-04-03')).toBe('Vendredi saint');
    expect(frenchPublicHolidays(2026, 'reunion').get('2026-12-20')).toBe('Abolition de l’esclavage');
  });

  it.each([
    ['Tuesday 10:00 Paris (winter)', '2026-01-13T09:00:00Z', true],
    ['Monday 7:59 Paris', '2026-01-12T06:59:00Z', false],
    ['Monday 8:00 Paris', '2026-01-12T07:00:00Z', true],
    ['Saturday 19:59 Paris (summer)', '2026-06-13T17:59:00Z', true],
    ['Saturday 20:00 Paris', '2026-06-13T18:00:00Z', false],
    ['Sunday noon', '2026-06-14T10:00:00Z', false],
    ['Ascension Thursday noon', '2026-05-14T10:00:00Z', false],
    ['14 July noon', '2026-07-14T10:00:00Z', false],
  ])('%s: allowed %s', (_label, instant, allowed) => {
    expect(isWithinSendingWindow(new Date(instant))).toBe(allowed);
  });

  it('gives the next allowed time, across Sundays, holidays and clock changes', () => {
    // Saturday 21:30, then Sunday, then Whit Monday: Tuesday 8:00 (UTC+2).
    expect(nextSendingTime(new Date('2026-05-23T19:30:00Z')).toISOString()).toBe('2026-05-26T06:00:00.000Z');
    // Saturday evening before the spring change: Monday 8:00 summer time.
    expect(nextSendingTime(new Date('2026-03-28T19:30:00Z')).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    // Saturday evening before the autumn change: Monday 8:00 winter time.
    expect(nextSendingTime(new Date('2026-10-24T19:30:00Z')).toISOString()).toBe('2026-10-26T07:00:00.000Z');
    // Early on a weekday: the same morning.
    expect(nextSendingTime(new Date('2026-01-13T05:00:00Z')).toISOString()).toBe('2026-01-13T07:00:00.000Z');
    // Inside the window: now.
    const now = new Date('2026-01-13T10:00:00Z');
    expect(nextSendingTime(now)).toBe(now);
    // Christmas Eve evening: the 25th is a holiday, so the 26th (a Saturday) at 8:00.
    expect(nextSendingTime(new Date('2026-12-24T19:30:00Z')).toISOString()).toBe('2026-12-26T07:00:00.000Z');
  });

  it('follows a configured window and time zone', () => {
    const reunion = {
      ...DEFAULT_SENDING_WINDOW,
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
      timeZone: 'Indian/Reunion',
      holidayRegion: 'reunion' as const,
    };
    // Friday 18:30 in Réunion (UTC+4): Monday 9:00 there, 5:00 UTC.
    expect(nextSendingTime(new Date('2026-01-16T14:30:00Z'), reunion).toISOString()).toBe('2026-01-19T05:00:00.000Z');
    // 20 December 2027 is a Monday and a holiday in Réunion.
    expect(nextSendingTime(new Date('2027-12-17T14:30:00Z'), reunion).toISOString()).toBe('2027-12-21T05:00:00.000Z');
    const always = {
      ...DEFAULT_SENDING_WINDOW,
      days: [1, 2, 3, 4, 5, 6, 7],
      start: '00:00',
      end: '24:00',
      skipPublicHolidays: false,
    };
    expect(isWithinSendingWindow(new Date('2026-12-25T23:30:00Z'), always)).toBe(true);
  });
});

describe('OVH request signature', () => {
  it('matches the public test vector', () => {
    expect(
      ovhSignature({
        appSecret: '9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk',
        consumerKey: '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY',
        method: 'GET',
        url: 'https://eu.api.ovh.com/1.0/auth',
        body: '',
        timestamp: 1457018875,
      }),
    ).toBe('$1$e9556054b6309771395efa467c22e627407461ad');
  });
});

describe('delivery reports', () => {
  it('reads what OVH sends, ignoring fields it does not know', () => {
    const report = deliveryReportSchema.parse({
      id: 41001,
      dlr: '1',
      ptt: '0',
      extra: { deep: true },
      receiver: '+336',
    });
    expect(report).toEqual({ id: '41001', dlr: '1', ptt: '0' });
    expect(effectOf(report)).toEqual({ status: 'delivered', code: 'dlr:1' });
    expect(effectOf({ id: '1', dlr: '2' })).toEqual({ status: 'undelivered', code: 'dlr:2' });
    expect(effectOf({ id: '1', dlr: '8' })).toEqual({ code: 'dlr:8' });
    expect(effectOf({ id: '1', ptt: '53' })).toEqual({ status: 'blacklisted', code: 'ptt:53' });
    expect(effectOf({ id: '1', ptt: '802' })).toEqual({ status: 'undelivered', code: 'ptt:802' });
    expect(effectOf({ id: '1', ptt: '254' })).toEqual({ code: 'ptt:254' });
  });

  it('refuses wrong types and lengths in French', () => {
    const result = deliveryReportSchema.safeParse({ id: ['1', '2'], ptt: 'abc', description: 'x'.repeat(201) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['id', 'Le champ id doit être un nombre.'],
      ['ptt', 'Le champ ptt doit être un nombre de 4 chiffres au plus.'],
      ['description', 'Le champ description compte 200 caractères au plus.'],
    ]);
  });

  it('keeps only plausible dates and harmless descriptions', () => {
    const now = new Date('2026-03-10T10:00:00Z');
    expect(reportDate('2026-03-10 09:59:00', now).getTime()).toBe(new Date('2026-03-10T09:59:00').getTime());
    expect(reportDate('1773136740', now).toISOString()).toBe('2026-03-10T09:59:00.000Z');
    expect(reportDate('2099-01-01', now)).toBe(now);
    expect(reportDate('n’importe quoi', now)).toBe(now);
    expect(cleanDescription('<script>alert(1)</script> Delivered')).toBe('script alert(1) /script Delivered');
  });
});
