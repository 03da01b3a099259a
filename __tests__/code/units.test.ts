import { describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { languageOf, type Language } from '../../src/code/languages.js';
import type { Unit, UnitKind } from '../../src/code/unit.js';
import { extractUnits } from '../../src/code/units.js';

const DATA = path.join(import.meta.dirname, '..', 'data', 'code');

type Row = [name: string, kind: UnitKind, start: number, end: number];
type ReviewRow = [name: string, kind: UnitKind, start: number, end: number, changed: number[]];

interface Fixture {
  readonly file: string;
  readonly scan: Row[];
  /** Changed lines -> the units they select, with each unit's own changed lines. */
  readonly review: [changed: number[], expected: ReviewRow[], why: string][];
}

const rows = (units: readonly Unit[]): Row[] => units.map((u) => [u.name, u.kind, u.startLine, u.endLine]);
const reviewRows = (units: readonly Unit[]): ReviewRow[] =>
  units.map((u) => [u.name, u.kind, u.startLine, u.endLine, [...u.changedLines]]);

function load(file: string): { path: string; language: Language; text: string } {
  const language = languageOf(file);
  if (!language) throw new Error(`no language for ${file}`);
  return { path: file, language, text: fs.readFileSync(path.join(DATA, file), 'utf8') };
}

const FIXTURES: Fixture[] = [
  {
    file: 'app.py',
    scan: [
      ['<module>', 'module', 8, 65],
      ['get_connection', 'function', 12, 16],
      ['get_user', 'function', 19, 26],
      ['run_report', 'function', 33, 42],
      ['run_report.build_command', 'function', 37, 39],
      ['normalize', 'lambda', 45, 45],
      ['UserRepository.__init__', 'constructor', 51, 52],
      ['UserRepository.find_by_email', 'method', 54, 56],
      ['UserRepository.hash_password', 'method', 58, 61],
    ],
    review: [
      [[38], [['run_report.build_command', 'function', 37, 39, [38]]], 'nested function: the innermost'],
      [[41], [['run_report', 'function', 33, 42, [41]]], 'outer function around a nested one'],
      [
        [25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35],
        [
          ['get_user', 'function', 19, 26, [25, 26]],
          ['run_report', 'function', 33, 42, [33, 34, 35]],
        ],
        'a change spanning two functions',
      ],
      [[19], [['get_user', 'function', 19, 26, [19]]], 'a decorator belongs to its function'],
      [[9], [['<module>', 'module', 9, 9, [9]]], 'a module-level assignment'],
      [[9, 49], [['<module>', 'module', 9, 49, [9, 49]]], 'module line and class field initializer: one module unit'],
      [[64, 65], [['<module>', 'module', 64, 65, [64, 65]]], 'the __main__ block'],
      [[29, 30], [], 'comment-only change'],
      [[10, 11, 13], [], 'blank lines and a docstring'],
      [[2, 3, 48], [], 'imports and a class header are declarations'],
      [[45], [['normalize', 'lambda', 45, 45, [45]]], 'a lambda assigned to a name'],
    ],
  },
  {
    file: 'server.js',
    scan: [
      ['<module>', 'module', 7, 71],
      ["app.get('/users/:id') callback", 'lambda', 11, 17],
      ["app.post('/convert') callback", 'function', 19, 26],
      ['loadConfig', 'function', 28, 37],
      ['loadConfig.merge', 'function', 30, 35],
      ['idGenerator', 'function', 39, 42],
      ['sanitize', 'lambda', 44, 44],
      ['SessionStore.constructor', 'constructor', 47, 50],
      ['SessionStore.get', 'method', 52, 54],
      ['SessionStore.create', 'method', 56, 60],
      ['module.exports.verify', 'method', 66, 68],
    ],
    review: [
      [[32], [['loadConfig.merge', 'function', 30, 35, [32]]], 'nested function: the innermost'],
      [[22], [["app.post('/convert') callback", 'function', 19, 26, [22]]], 'an inner callback stays in its handler'],
      [
        [16, 17, 18, 19, 20],
        [
          ["app.get('/users/:id') callback", 'lambda', 11, 17, [16, 17]],
          ["app.post('/convert') callback", 'function', 19, 26, [19, 20]],
        ],
        'a change spanning two handlers',
      ],
      [[8], [['<module>', 'module', 8, 8, [8]]], 'module-level call'],
      [[3, 4, 62, 63], [], "require() and module.exports = { ... } only declare"],
      [[10], [], 'comment-only change'],
      [[57], [['SessionStore.create', 'method', 56, 60, [57]]], 'an arrow function in a class field'],
    ],
  },
  {
    file: 'Profile.jsx',
    scan: [
      ['Profile', 'function', 4, 26],
      ['Profile.handleClick', 'lambda', 13, 15],
      ['Avatar', 'lambda', 28, 28],
      ['Badge', 'function', 30, 32],
      ['<module>', 'module', 37, 37],
      ['ErrorBoundary.getDerivedStateFromError', 'method', 39, 41],
      ['ErrorBoundary.render', 'method', 43, 48],
    ],
    review: [
      [[14], [['Profile.handleClick', 'lambda', 13, 15, [14]]], 'nested arrow function: the innermost'],
      [[9], [['Profile', 'function', 4, 26, [9]]], 'a useEffect callback stays in its component'],
      [
        [31, 32, 33, 34, 35, 36, 37, 38, 39, 40],
        [
          ['Badge', 'function', 30, 32, [31, 32]],
          ['<module>', 'module', 37, 37, [37]],
          ['ErrorBoundary.getDerivedStateFromError', 'method', 39, 41, [39, 40]],
        ],
        'a change across a function, a class field and a method',
      ],
      [[3], [], 'comment-only change'],
    ],
  },
  {
    file: 'service.ts',
    scan: [
      ['<module>', 'module', 12, 15],
      ['UserService.constructor', 'constructor', 17, 17],
      ['UserService.findByEmail', 'method', 19, 22],
      ['UserService.hashPassword', 'method', 24, 30],
      ['UserService.toRole', 'method', 32, 32],
      ['UserService.size', 'method', 34, 36],
      ['parseToken', 'function', 40, 43],
      ['handlers.login', 'method', 46, 49],
      ['handlers.logout', 'lambda', 50, 52],
      ['createService', 'function', 55, 57],
    ],
    review: [
      [[47], [['handlers.login', 'method', 46, 49, [47]]], 'a method of an object literal'],
      [
        [21, 22, 23, 24, 25],
        [
          ['UserService.findByEmail', 'method', 19, 22, [21, 22]],
          ['UserService.hashPassword', 'method', 24, 30, [24, 25]],
        ],
        'a change spanning two methods',
      ],
      [[15], [['<module>', 'module', 15, 15, [15]]], 'a class field initializer'],
      [[4, 5, 6, 10, 45, 53], [], 'interface, type alias and a table of functions only declare'],
      [[39], [], 'comment-only change'],
    ],
  },
  {
    file: 'Search.tsx',
    scan: [
      ['Search', 'function', 9, 28],
      ['Search.submit', 'lambda', 13, 16],
      ['ResultList.render', 'method', 31, 33],
      ['highlight', 'lambda', 36, 37],
      ['useDebounce', 'function', 39, 46],
    ],
    review: [
      [[14], [['Search.submit', 'lambda', 13, 16, [14]]], 'nested arrow function: the innermost'],
      [[22], [['Search', 'function', 9, 28, [22]]], 'a map callback in JSX stays in its component'],
      [
        [32, 33, 34, 35, 36, 37],
        [
          ['ResultList.render', 'method', 31, 33, [32, 33]],
          ['highlight', 'lambda', 36, 37, [36, 37]],
        ],
        'a change spanning a method and a function',
      ],
      [[8], [], 'comment-only change'],
      [[3, 4, 5], [], 'an interface declares'],
    ],
  },
  {
    file: 'App.java',
    scan: [
      ['<module>', 'module', 14, 54],
      ['UserServlet.UserServlet', 'constructor', 17, 19],
      ['UserServlet.doGet', 'method', 21, 30],
      ['UserServlet.findName', 'method', 33, 37],
      ['UserServlet.sanitizer', 'lambda', 39, 41],
      ['UserServlet.startAuditThread', 'method', 43, 51],
      ['UserServlet.startAuditThread.<anonymous Runnable>.run', 'method', 45, 48],
      ['UserServlet.Cache.get', 'method', 56, 58],
    ],
    review: [
      [
        [47],
        [['UserServlet.startAuditThread.<anonymous Runnable>.run', 'method', 45, 48, [47]]],
        'a method of an anonymous class: the innermost',
      ],
      [[50], [['UserServlet.startAuditThread', 'method', 43, 51, [50]]], 'outer method'],
      [
        [36, 37, 38, 39, 40],
        [
          ['UserServlet.findName', 'method', 33, 37, [36, 37]],
          ['UserServlet.sanitizer', 'lambda', 39, 41, [39, 40]],
        ],
        'a change spanning a method and a lambda field',
      ],
      [[14], [['<module>', 'module', 14, 14, [14]]], 'a constant field'],
      [[1, 3, 15, 53], [], 'package, import, field without value, class header'],
      [[32], [], 'comment-only change'],
    ],
  },
  {
    file: 'server.go',
    scan: [
      ['<module>', 'module', 13, 13],
      ['UserStore.FindUser', 'method', 20, 25],
      ['UserStore.Close', 'method', 27, 29],
      ['runTool', 'function', 31, 39],
      ['runTool.validate', 'lambda', 32, 34],
      ['main', 'function', 41, 59],
      ['main.http.HandleFunc("/user") callback', 'lambda', 44, 51],
      ['main.http.HandleFunc("/tool") callback', 'lambda', 53, 56],
    ],
    review: [
      [[33], [['runTool.validate', 'lambda', 32, 34, [33]]], 'a func literal assigned to a name: the innermost'],
      [[45], [['main.http.HandleFunc("/user") callback', 'lambda', 44, 51, [45]]], 'a handler registered in main'],
      [[42, 58], [['main', 'function', 41, 59, [42, 58]]], 'main itself'],
      [
        [24, 25, 26, 27, 28],
        [
          ['UserStore.FindUser', 'method', 20, 25, [24, 25]],
          ['UserStore.Close', 'method', 27, 29, [27, 28]],
        ],
        'a change spanning two methods',
      ],
      [[13], [['<module>', 'module', 13, 13, [13]]], 'a constant'],
      [[3, 11, 15, 16], [], 'imports, a var without value, a type'],
      [[19], [], 'comment-only change'],
    ],
  },
  {
    file: 'db.c',
    scan: [
      ['<module>', 'module', 6, 7],
      ['copy_name', 'function', 19, 24],
      ['find_user', 'function', 26, 40],
      ['get_handler', 'function', 42, 45],
      ['open_db', 'function', 47, 50],
      ['main', 'function', 52, 65],
    ],
    review: [
      [[31], [['find_user', 'function', 26, 40, [31]]], 'inside a function'],
      [[19], [['copy_name', 'function', 19, 24, [19]]], 'a pointer-returning function'],
      [
        [44, 45, 46, 47, 48],
        [
          ['get_handler', 'function', 42, 45, [44, 45]],
          ['open_db', 'function', 47, 50, [47, 48]],
        ],
        'a change spanning two functions',
      ],
      [[7], [['<module>', 'module', 7, 7, [7]]], 'a macro with a value'],
      [[1, 9, 11, 12, 16], [], 'include, declaration without value, struct, prototype'],
      [[18], [], 'comment-only change'],
    ],
  },
  {
    file: 'store.cpp',
    scan: [
      ['app::Store::Store', 'constructor', 10, 10],
      ['app::Store::~Store', 'method', 11, 11],
      ['app::Store::get', 'method', 13, 17],
      ['<module>', 'module', 24, 24],
      ['app::Store::put', 'method', 27, 34],
      ['app::Store::put::valid', 'lambda', 28, 30],
      ['app::Store::close', 'method', 36, 36],
      ['app::clamp', 'function', 39, 42],
      ['app::detail::duplicate', 'function', 45, 49],
      ['logger', 'lambda', 54, 56],
      ['main', 'function', 58, 62],
    ],
    review: [
      [[29], [['app::Store::put::valid', 'lambda', 28, 30, [29]]], 'a lambda assigned to auto: the innermost'],
      [
        [33, 34, 35, 36, 37, 38, 39, 40],
        [
          ['app::Store::put', 'method', 27, 34, [33, 34]],
          ['app::Store::close', 'method', 36, 36, [36]],
          ['app::clamp', 'function', 39, 42, [39, 40]],
        ],
        'a change spanning three functions, with a template line',
      ],
      [[24], [['<module>', 'module', 24, 24, [24]]], 'a member with a default value'],
      [[19, 20, 22, 23, 50, 52], [], 'member declarations, access specifier, closing namespaces'],
      [[38], [], 'comment-only change'],
    ],
  },
];

describe.each(FIXTURES)('$file', ({ file, scan, review }) => {
  test('scan: every unit', async () => {
    const input = load(file);
    const { units, parseErrors } = await extractUnits(input);
    expect(parseErrors).toBe(false);
    expect(rows(units)).toEqual(scan);
    const lines = input.text.split('\n');
    for (const unit of units) {
      expect(unit.path).toBe(file);
      expect(unit.language).toBe(input.language);
      expect(unit.text).toBe(lines.slice(unit.startLine - 1, unit.endLine).join('\n'));
      if (unit.kind !== 'module') {
        expect(unit.changedLines).toEqual(Array.from({ length: unit.endLine - unit.startLine + 1 }, (_, i) => unit.startLine + i));
      }
    }
  });

  test.each(review.map(([changed, expected, why]) => ({ changed, expected, why })))('review: $why', async ({ changed, expected }) => {
    const { units } = await extractUnits({ ...load(file), changedLines: changed });
    expect(reviewRows(units)).toEqual(expected);
  });
});
