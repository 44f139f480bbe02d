import { readability } from '../shared/readability';

describe('readability hints', () => {
  it('counts sentences and the average sentence length in words', () => {
    const report = readability('Un cookie est un petit fichier. Le site le garde dans ton téléphone.');
    expect(report.sentences).toBe(2);
    expect(report.words).toBe(13);
    expect(report.averageSentenceLength).toBe(6.5);
  });

  it('lists long words and words outside the common list once each', () => {
    const report = readability(
      'Le navigateur sert à visiter des sites. Le navigateur mémorise l’historique et les paramètres de confidentialité.',
      ['navigateur'],
    );
    expect(report.longWords).toEqual(['confidentialité']);
    expect(report.rareWords).toEqual(
      expect.arrayContaining(['mémorise', 'historique', 'paramètres', 'confidentialité']),
    );
    expect(report.rareWords).not.toContain('navigateur');
    expect(report.rareWords).not.toContain('sites');
  });

  it('reads an empty text as nothing to say', () => {
    expect(readability('   ')).toEqual({
      sentences: 0,
      words: 0,
      averageSentenceLength: 0,
      longWords: [],
      rareWords: [],
    });
  });
});
