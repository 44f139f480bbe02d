import { compactKey, editDistance, foldText, isSameWord, rankWords, wordKey } from '../shared/normalise';

describe('the key a word is recognised by', () => {
  it('ignores case, accents, ligatures, punctuation and plurals', () => {
    expect(wordKey('Mots de passe')).toBe('mot de passe');
    expect(wordKey('MOT DE PASSE')).toBe('mot de passe');
    expect(wordKey('  Réseaux   sociaux ')).toBe('reseau sociau');
    expect(wordKey('Cœur')).toBe('coeur');
    expect(compactKey('Wi-Fi')).toBe(compactKey('wifi'));
    expect(foldText('QR-code !')).toBe('qr code');
    expect(wordKey('le Cloud ?')).toBe('cloud');
    expect(wordKey("L'ordinateur")).toBe('ordinateur');
    expect(wordKey('la')).toBe('la');
  });

  it('keeps short words, words in -ss and numbers as they are', () => {
    expect(wordKey('bus')).toBe('bus');
    expect(wordKey('Business')).toBe('business');
    expect(wordKey('4G')).toBe('4g');
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped letters', () => {
    expect(editDistance('passe', 'pase')).toBe(1);
    expect(editDistance('cookie', 'cookei')).toBe(1);
    expect(editDistance('cloud', 'clown')).toBe(2);
    expect(editDistance('navigateur', 'navigateur')).toBe(0);
  });

  it('stops early past the allowed distance', () => {
    expect(editDistance('ordinateur', 'imprimante', 2)).toBe(3);
  });
});

describe('requests for the same word', () => {
  it('merges case, accents, plurals and one typo', () => {
    expect(isSameWord('Mots de passe', 'mot de pase')).toBe(true);
    expect(isSameWord('MOT DE PASSE', 'mot de pase')).toBe(true);
    expect(isSameWord('navigateure', 'Navigateur')).toBe(true);
    expect(isSameWord('Réseaux sociaux', 'reseau social')).toBe(true);
    expect(isSameWord('Wi-Fi', 'wifi')).toBe(true);
  });

  it('allows two typos for long words only', () => {
    expect(isSameWord('authentification', 'autentificasion')).toBe(true);
    expect(isSameWord('cookie', 'coukei')).toBe(false);
  });

  it('keeps short words apart: one letter changes a short word', () => {
    expect(isSameWord('mail', 'main')).toBe(false);
    expect(isSameWord('app', 'api')).toBe(false);
    expect(isSameWord('cloud', 'clou')).toBe(false);
  });

  it('keeps words apart when their numbers differ', () => {
    expect(isSameWord('Windows 10', 'windows 11')).toBe(false);
    expect(isSameWord('mot numéro 1', 'mot numero 2')).toBe(false);
    expect(isSameWord('Windows 10', 'windwos 10')).toBe(true);
  });

  it('never matches an empty or punctuation-only text', () => {
    expect(isSameWord('', '')).toBe(false);
    expect(isSameWord('!!!', '???')).toBe(false);
  });
});

describe('search ranking', () => {
  const words = [
    { term: 'Mot de passe', variants: ['mdp', 'password'] },
    { term: 'Navigateur', variants: ['navigateur internet'] },
    { term: 'Wi-Fi', variants: ['wifi', 'wi fi'] },
    { term: 'Cookie', variants: ['cookies'] },
    { term: 'Cloud', variants: ['nuage'] },
    { term: 'QR code', variants: ['code QR'] },
    { term: 'Courriel', variants: ['e-mail', 'mail'] },
  ];
  const top = (query: string) => rankWords(query, words, 3).map((word) => word.term);

  it.each([
    ['mot de pase', 'Mot de passe'],
    ['MOTS DE PASSE', 'Mot de passe'],
    ['wiffi', 'Wi-Fi'],
    ['navigateure', 'Navigateur'],
    ['cookeis', 'Cookie'],
    ['qrcode', 'QR code'],
    ['nuages', 'Cloud'],
    ['e mail', 'Courriel'],
    ['navig', 'Navigateur'],
  ])('finds « %s » → %s first', (query, expected) => {
    expect(top(query)[0]).toBe(expected);
  });

  it('returns nothing for a word it does not know, or an empty query', () => {
    expect(top('tournevis')).toEqual([]);
    expect(top('   ')).toEqual([]);
  });
});
