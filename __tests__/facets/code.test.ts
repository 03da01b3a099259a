import { codeFacet, unitText } from '../../src/facets/code.js';
import { extractFacets } from '../../src/facets/extract.js';

const SRC = [
  'import subprocess',
  'def run(request, log):',
  '    name = request.args["name"]',
  '    log.info("start")',
  '    total = 0',
  '    for i in range(10):',
  '        total += i',
  '    cmd = "report " + name',
  '    subprocess.run(cmd, shell=True)',
  '    return total',
].join('\n');

describe('code facet', () => {
  test('the whole unit when every line changed (scan) or none is given', async () => {
    expect(await codeFacet({ grammar: 'python', source: SRC, startLine: 2, endLine: 10 })).toEqual({ text: unitText(SRC, 2, 10), sliced: false });
  });

  test('the slice around the changed lines otherwise', async () => {
    const facet = await codeFacet({ grammar: 'python', source: SRC, startLine: 2, endLine: 10, changedLines: [9] });
    if (!facet.sliced) {
      // The slicer degraded (it says why): the unit stands in, never an error.
      expect(facet.text).toBe(unitText(SRC, 2, 10));
      return;
    }
    expect(facet.text).toContain('subprocess.run(cmd, shell=True)');
    expect(facet.text).toContain('cmd = "report " + name');
    expect(facet.text).not.toContain('total += i');
  });

  test('extractFacets: the unit range, the description and the slice switch', async () => {
    const f = await extractFacets({ grammar: 'python', source: SRC, startLine: 2, endLine: 10, description: 'Print the report of a user', slice: false });
    expect(f.language).toBe('python');
    expect(f.apis).toEqual({ calls: ['log.info', 'range', 'subprocess.run'], members: ['request.args'] });
    expect(f.cause).toBe('report user name start run request log info total range cmd subprocess shell');
    expect(f.causeSource).toBe('offline');
    expect(f.code).toBe(unitText(SRC, 2, 10));
    expect(f.rules).toEqual([]); // no KB given
    const llm = await extractFacets({ grammar: 'python', source: SRC, causeText: 'Likely OS command injection.' });
    expect(llm).toMatchObject({ cause: 'Likely OS command injection.', causeSource: 'llm' });
  });
});
