import { loadKnowledgeBase } from '../../src/kb/load.js';
import { apiFamily, apiKeys, apiScores } from '../../src/retrieve/api-index.js';
import { rankHits } from '../../src/retrieve/fusion.js';

// The bundled KB (kb/build): the API facet's ranking on real API sets, offline.
const kb = loadKnowledgeBase();
const top = (language: 'python' | 'c', names: string[]): string | undefined => rankHits(apiScores(kb, language, names))[0]?.id;
const score = (language: 'python' | 'c', names: string[], cwe: string): number => apiScores(kb, language, names).find((h) => h.id === cwe)?.score ?? 0;

describe('API facet: names matched as names, weighted by specificity', () => {
  test('keys: every qualified suffix, then the last two segments, the last segment and the module', () => {
    expect(apiKeys('logging.Logger.info')).toEqual([['logging.Logger.info', 'Logger.info'], ['logger.info'], ['info'], ['logging']]);
    expect(apiKeys('eval')).toEqual([['eval'], [], ['eval'], []]);
    expect(apiKeys('os/exec.Command')[0]).toContain('exec.Command');
  });

  test('family: the receiver; a bare name is its own', () => {
    expect(apiFamily('logger.info')).toBe('logger');
    expect(apiFamily('os.path.join')).toBe('os.path');
    expect(apiFamily('std::vector::at')).toBe('std::vector');
    expect(apiFamily('strcpy')).toBe('strcpy');
  });

  test('a specific sink decides over calls on a logger, however many', () => {
    expect(top('python', ['logger.info', 'logger.error', 'logger.warning', 'os.system'])).toBe('CWE-78');
    // Calls on one receiver are one piece of evidence.
    expect(score('python', ['logger.info', 'logger.error', 'logger.debug'], 'CWE-117')).toBe(score('python', ['logger.info'], 'CWE-117'));
  });

  test('a long qualified name is not worth more than a short one for its length', () => {
    expect(score('python', ['os.system'], 'CWE-78')).toBeGreaterThanOrEqual(score('python', ['os.path.join'], 'CWE-22'));
  });

  test('a bare builtin weighs less than a qualified sink in Python; C names are bare and count in full', () => {
    expect(score('python', ['print'], 'CWE-117')).toBeLessThan(score('python', ['logging.info'], 'CWE-117'));
    expect(top('c', ['strcpy'])).toBeDefined();
  });

  test('an unresolved receiver still meets the KB name by its last two segments', () => {
    expect(score('python', ['cursor.execute'], 'CWE-89')).toBeGreaterThan(0);
  });

  test('no API, no scores', () => {
    expect(apiScores(kb, 'python', [])).toEqual([]);
  });
});
