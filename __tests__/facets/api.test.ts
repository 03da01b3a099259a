import { parse } from '../../src/code/parser.js';
import type { Grammar } from '../../src/code/languages.js';
import { apiQueryTerms, collectApis, type ApiFacet, type LineRange } from '../../src/facets/api.js';
import { resolveImports } from '../../src/facets/imports.js';

async function apis(grammar: Grammar, source: string, range?: LineRange): Promise<ApiFacet> {
  const tree = await parse(grammar, source);
  try {
    return collectApis(resolveImports(grammar, tree, source), tree.rootNode, range);
  } finally {
    tree.delete();
  }
}

describe('API facet: calls resolved through imports, in each language', () => {
  test('python: aliases, from-imports, member reads; raised exceptions are not APIs', async () => {
    const src = [
      'import yaml as y',
      'from subprocess import run',
      'from flask import request',
      'def handler(path):',
      '    cfg = y.load(open(path))',
      '    run(cfg["cmd"], shell=True)',
      '    name = request.form["name"]',
      '    raise ValueError("bad")',
    ].join('\n');
    const facet = await apis('python', src);
    expect(facet.calls).toEqual(['yaml.load', 'open', 'subprocess.run']);
    expect(facet.members).toEqual(['flask.request.form']);
    expect(apiQueryTerms(facet)).toEqual(['yaml.load', 'open', 'subprocess.run', 'flask.request.form']);
  });

  test('python: only the nodes inside the range', async () => {
    const src = ['import os', 'def a():', '    os.system("x")', 'def b():', '    os.remove("y")'].join('\n');
    expect((await apis('python', src, { startLine: 4, endLine: 5 })).calls).toEqual(['os.remove']);
  });

  test('javascript: require and ES imports; innerHTML as a member read', async () => {
    const src = [
      "const cp = require('child_process');",
      "import { readFile } from 'node:fs';",
      'function f(el, cmd) {',
      '  cp.exec(cmd);',
      "  readFile('a', () => {});",
      '  el.innerHTML = cmd;',
      "  throw new Error('x');",
      '}',
    ].join('\n');
    const facet = await apis('javascript', src);
    expect(facet.calls).toEqual(['child_process.exec', 'fs.readFile']);
    expect(facet.members).toEqual(['el.innerHTML']);
  });

  test('typescript: default and namespace imports', async () => {
    const src = ["import * as crypto from 'crypto';", "import express from 'express';", 'const app = express();', "crypto.createHash('md5');"].join('\n');
    expect((await apis('typescript', src)).calls).toEqual(['express', 'crypto.createHash']);
  });

  test('java: imports, java.lang, constructors and typed receivers', async () => {
    const src = [
      'import java.io.ObjectInputStream;',
      'class A {',
      '  Object f(java.io.InputStream in) throws Exception {',
      '    ObjectInputStream ois = new ObjectInputStream(in);',
      '    Runtime.getRuntime().exec("ls");',
      '    return ois.readObject();',
      '  }',
      '}',
    ].join('\n');
    const facet = await apis('java', src);
    expect(facet.calls).toEqual(expect.arrayContaining(['java.io.ObjectInputStream', 'java.lang.Runtime.exec', 'java.io.ObjectInputStream.readObject']));
  });

  test('go: import paths', async () => {
    const src = ['package main', 'import (', '  "os/exec"', '  "database/sql"', ')', 'func f(db *sql.DB, q string) {', '  exec.Command("sh", "-c", q)', '  db.Query(q)', '}'].join('\n');
    expect((await apis('go', src)).calls).toEqual(['os/exec.Command', 'database/sql.DB.Query']);
  });

  test('c and c++: callee names, std:: dropped with the qualified form kept', async () => {
    expect((await apis('c', 'void f(char *d, const char *s) { strcpy(d, s); system(s); }')).calls).toEqual(['strcpy', 'system']);
    const cpp = await apis('cpp', 'void f(const char *s) { std::system(s); }');
    expect(cpp.calls).toEqual(['system', 'std::system']);
  });
});
