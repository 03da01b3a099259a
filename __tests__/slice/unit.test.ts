import { sliceUnit, slicePair } from '../../src/slice/index.js';

const file = [
  'import os', //                                  1
  '', //                                           2
  'def helper(x):', //                             3
  '    return x * 2', //                           4
  '', //                                           5
  'def handle(req):', //                           6
  '    user = req.user', //                        7
  '    path = req.args["p"]', //                   8
  '    size = helper(3)', //                       9
  '    if not user:', //                           10
  '        return None', //                        11
  '    data = open(os.path.join("/srv", path)).read()', // 12
  '    log(size)', //                              13
  '    return data', //                            14
  '',
].join('\n');

test('review mode: a unit inside a file, in file line numbers', async () => {
  const slice = await sliceUnit({ grammar: 'python', source: file, startLine: 6, endLine: 14, pointsOfInterest: [12, 2, 4] });
  expect(slice.totalLines).toBe(9);
  expect(slice.pointsOfInterest).toEqual([12]);
  expect(slice.lines).toEqual([6, 7, 8, 10, 12, 14]);
  expect(slice.text).toBe(
    [
      'def handle(req):',
      '    user = req.user',
      '    path = req.args["p"]',
      '    # ...',
      '    if not user:',
      '        # ...',
      '    data = open(os.path.join("/srv", path)).read()',
      '    # ...',
      '    return data',
    ].join('\n'),
  );
});

test('the narrow hook drops points of interest, but never all of them', async () => {
  const pois = [9, 12];
  const sensitive = (_line: number, text: string): boolean => text.includes('open(');
  const narrowed = await sliceUnit({ grammar: 'python', source: file, startLine: 6, endLine: 14, pointsOfInterest: pois, narrow: sensitive });
  expect(narrowed.pointsOfInterest).toEqual([12]);
  const none = await sliceUnit({ grammar: 'python', source: file, startLine: 6, endLine: 14, pointsOfInterest: pois, narrow: () => false });
  expect(none.pointsOfInterest).toEqual(pois);
});

test('a C function keeps its closing brace and marks elided runs with comments', async () => {
  const source = ['int f(int a, int b)', '{', '    int x = a;', '    int y = b;', '    y++;', '    return x;', '}'].join('\n');
  const slice = await sliceUnit({ grammar: 'c', source, pointsOfInterest: [6], hops: 1 });
  expect(slice.text).toBe(['int f(int a, int b)', '{', '    int x = a;', '    // ...', '    return x;', '}'].join('\n'));
});

test('data dependence follows the latest definition, and guards are kept backward', async () => {
  const source = [
    'function f(input) {', //          1
    '  let q = "a";', //               2
    '  q = escape(input);', //         3
    '  if (!input) return;', //        4
    '  db.run(q);', //                 5
    '}',
  ].join('\n');
  const slice = await sliceUnit({ grammar: 'javascript', source, pointsOfInterest: [5], hops: 1 });
  expect(slice.lines).toEqual([1, 3, 4, 5, 6]);
});

test('a C out-parameter: &x passed to a call defines x', async () => {
  const source = ['int f(const char *s)', '{', '    int n = 0;', '    int m = 1;', '    sscanf(s, "%d", &n);', '    return n + 1;', '}'].join('\n');
  const slice = await sliceUnit({ grammar: 'c', source, pointsOfInterest: [6], hops: 1 });
  expect(slice.lines).toEqual([1, 2, 5, 6, 7]);
});

test('fields are tracked per access path', async () => {
  const source = ['def f(self, v):', '    self.a = v', '    self.b = 2', '    use(self.a)'].join('\n');
  const slice = await sliceUnit({ grammar: 'python', source, pointsOfInterest: [4], hops: 1 });
  expect(slice.lines).toEqual([1, 2, 4]);
});

test('a unit without statements is kept whole and says why', async () => {
  const slice = await sliceUnit({ grammar: 'javascript', source: '// nothing to see\n/* here */\n', pointsOfInterest: [2] });
  expect(slice.fallback).toBe('no statements found in the unit');
  expect(slice.lines).toEqual([1, 2]);
});

test('invalid hops fail loudly', async () => {
  await expect(sliceUnit({ grammar: 'python', source: 'def f():\n    pass\n', pointsOfInterest: [2], hops: -1 })).rejects.toThrow(RangeError);
  await expect(slicePair({ language: 'python', vulnerable: 'x = 1\n', secure: 'x = 2\n', hops: 1.5 })).rejects.toThrow(RangeError);
});

test('a C function whose return type was cut off still slices as a function', async () => {
  const source = ['copy(char *dst, const char *src)', '{', '    size_t n = strlen(src);', '    int unused = 0;', '    memcpy(dst, src, n);', '}'].join('\n');
  const slice = await sliceUnit({ grammar: 'c', source, pointsOfInterest: [5], hops: 1 });
  expect(slice.parseErrors).toBe(false);
  expect(slice.lines).toEqual([1, 2, 3, 5, 6]);
});

describe('reaching definitions', () => {
  test('a later unconditional definition kills the earlier one', async () => {
    const source = ['def f(a):', '    x = a', '    x = 2', '    run(x)'].join('\n');
    const slice = await sliceUnit({ grammar: 'python', source, pointsOfInterest: [4], hops: 2 });
    expect(slice.lines).toEqual([1, 3, 4]);
  });

  test('a use depends on every definition that reaches it, however many', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `    if (a == ${i}) r = ${i};`);
    const source = ['int f(int a)', '{', '    int r = 0;', ...body, '    return r;', '}'].join('\n');
    const slice = await sliceUnit({ grammar: 'c', source, pointsOfInterest: [16], hops: 1 });
    for (let line = 3; line <= 15; line++) expect(slice.lines).toContain(line);
  });

  test('a for initializer ends the definitions before the loop', async () => {
    const source = ['function f(n) {', '  let i = n * 2;', '  for (i = 0; i < n; i++) {', '    use(i);', '  }', '}'].join('\n');
    const slice = await sliceUnit({ grammar: 'javascript', source, pointsOfInterest: [4], hops: 2 });
    expect(slice.lines).not.toContain(2);
    expect(slice.lines).toContain(3);
  });

  test('loop-carried definitions reach the loop head, killed ones do not', async () => {
    const source = ['def f(xs):', '    y = 0', '    for x in xs:', '        use(y)', '        y = x', '        y = y + 1'].join('\n');
    const slice = await sliceUnit({ grammar: 'python', source, pointsOfInterest: [4], hops: 1 });
    expect(slice.lines).toContain(2);
    expect(slice.lines).toContain(6);
    expect(slice.lines).not.toContain(5);
  });

  test('Go switch cases are alternatives: a definition in one case does not reach another', async () => {
    const source = [
      'func f(k int) int {', //   1
      '\tv := 0', //               2
      '\tswitch k {', //           3
      '\tcase 1:', //              4
      '\t\tv = 10', //             5
      '\tcase 2:', //              6
      '\t\treturn v', //           7
      '\t}', //                    8
      '\treturn v', //             9
      '}',
    ].join('\n');
    const slice = await sliceUnit({ grammar: 'go', source, pointsOfInterest: [7], hops: 1 });
    expect(slice.lines).toContain(2);
    expect(slice.lines).not.toContain(5);
    const after = await sliceUnit({ grammar: 'go', source, pointsOfInterest: [9], hops: 1 });
    expect(after.lines).toContain(5);
  });

  test('a C declaration without an initializer gives no value', async () => {
    const source = ['int f(int a)', '{', '    int n;', '    n = a;', '    return n;', '}'].join('\n');
    const slice = await sliceUnit({ grammar: 'c', source, pointsOfInterest: [5], hops: 2 });
    expect(slice.lines).toEqual([1, 2, 4, 5, 6]);
  });

  test('calls are opaque: passing an object does not read its fields, returning it does', async () => {
    const source = ['def f(c, v):', '    c.size = v', '    send(c)', '    return c'].join('\n');
    const call = await sliceUnit({ grammar: 'python', source, pointsOfInterest: [3], hops: 1 });
    expect(call.lines).not.toContain(2);
    const ret = await sliceUnit({ grammar: 'python', source, pointsOfInterest: [4], hops: 1 });
    expect(ret.lines).toContain(2);
  });
});

test('forward, a reader of a variable defined at the point of interest is one hop; its readers are not', async () => {
  const source = ['def f(a):', '    x = a', '    y = x', '    z = y', '    w = z'].join('\n');
  const slice = await sliceUnit({ grammar: 'python', source, pointsOfInterest: [2], hops: 1 });
  expect(slice.lines).toEqual([1, 2, 3]);
});

test('enclosing headers are those of the points of interest, and never seed anything', async () => {
  const source = [
    'def f(a, b):', //        1
    '    t = b + 1', //       2
    '    if t > a:', //       3
    '        for x in a:', // 4
    '            log(x)', //  5
    '    return 0', //        6
  ].join('\n');
  // The `if` two levels up is shown for the reader; what its condition reads (line 2) is not brought in.
  const slice = await sliceUnit({ grammar: 'python', source, pointsOfInterest: [5], hops: 1 });
  expect(slice.lines).toEqual([1, 3, 4, 5]);
  const noEnclosing = await sliceUnit({ grammar: 'python', source, pointsOfInterest: [5], hops: 1, enclosing: false });
  expect(noEnclosing.lines).toEqual([1, 4, 5]);
});
