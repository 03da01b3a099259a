import type { Node } from 'web-tree-sitter';
import { parse } from '../../src/code/parser.js';
import type { Grammar } from '../../src/code/languages.js';
import { nameMatches, qualifiedNames, qualify, resolveImports } from '../../src/facets/imports.js';
import { goPackageName } from '../../src/facets/imports-go.js';

const CALL_TYPES = ['call', 'call_expression', 'new_expression', 'method_invocation', 'object_creation_expression'];

/** The qualified name of every call in the source, in order (outer calls before the calls they contain). */
async function calls(grammar: Grammar, source: string): Promise<(string | undefined)[]> {
  const tree = await parse(grammar, source);
  try {
    const map = resolveImports(grammar, tree, source);
    const nodes: Node[] = tree.rootNode.descendantsOfType(CALL_TYPES);
    return nodes.filter((n) => n.childForFieldName('function')?.text !== 'require').map((n) => qualify(map, n));
  } finally {
    tree.delete();
  }
}

async function mapOf(grammar: Grammar, source: string) {
  const tree = await parse(grammar, source);
  try {
    return resolveImports(grammar, tree, source);
  } finally {
    tree.delete();
  }
}

describe('python', () => {
  test('aliases, from-imports and plain names', async () => {
    const src = [
      'import yaml as y', 'import os.path', 'import a.b as c', 'from subprocess import run, Popen as P',
      'y.load(s)', 'os.path.join(a, b)', 'c.d()', 'run(cmd)', 'P(cmd)', 'eval(x)', 'unknown.f()',
    ].join('\n');
    expect(await calls('python', src)).toEqual([
      'yaml.load', 'os.path.join', 'a.b.d', 'subprocess.run', 'subprocess.Popen', 'eval', 'unknown.f',
    ]);
  });
  test('a wildcard import adds a candidate for unbound names', async () => {
    const src = 'from pickle import *\nloads(data)\n';
    const tree = await parse('python', src);
    const map = resolveImports('python', tree, src);
    expect(map.wildcards).toEqual(['pickle']);
    expect(qualifiedNames(map, 'loads')).toEqual(['loads', 'pickle.loads']);
    tree.delete();
  });
  test('relative imports and a call on a call result', async () => {
    expect(await calls('python', 'from . import util\nfrom .. import x\nutil.run()\nrequests.Session().get(u)\n'))
      .toEqual(['.util.run', 'requests.Session.get', 'requests.Session']);
  });
});

describe('javascript and typescript', () => {
  test('ESM default, named, namespace imports; node: stripped', async () => {
    const src = [
      "import cp, { exec as run, spawn } from 'node:child_process';", "import * as fs from 'fs';",
      'cp.execSync(c);', 'run(c);', 'spawn(c);', 'fs.readFileSync(p);', 'other(c);',
    ].join('\n');
    expect(await calls('javascript', src)).toEqual([
      'child_process.execSync', 'child_process.exec', 'child_process.spawn', 'fs.readFileSync', 'other',
    ]);
  });
  test('require: bound, destructured, member, inline, and a member of a bound name', async () => {
    const src = [
      "const cp = require('child_process');", "const { exec, spawn: sp } = require('node:child_process');",
      "const ef = require('child_process').execFile;", 'const { execSync } = cp;',
      'cp.exec(a);', 'exec(a);', 'sp(a);', 'ef(a);', 'execSync(a);', "require('vm').runInNewContext(a);",
      'new Function(a);', 'a?.b.c();',
    ].join('\n');
    expect(await calls('javascript', src)).toEqual([
      'child_process.exec', 'child_process.exec', 'child_process.spawn', 'child_process.execFile',
      'child_process.execSync', 'vm.runInNewContext', 'Function', 'a.b.c',
    ]);
  });
  test('TypeScript import-require and type assertions', async () => {
    const src = "import cp = require('child_process');\n(cp as any).exec(a);\ncp!.spawn(b);\n";
    expect(await calls('typescript', src)).toEqual(['child_process.exec', 'child_process.spawn']);
    expect(await calls('tsx', "import { exec } from 'child_process';\nexec(a);\n")).toEqual(['child_process.exec']);
  });
  test('a wildcard rule name matches any member; node: in a rule name is ignored', () => {
    expect(nameMatches('child_process.exec', 'child_process.*')).toBe(true);
    expect(nameMatches('child_process', 'child_process.*')).toBe(false);
    expect(nameMatches('child_process.exec', 'node:child_process.exec')).toBe(true);
  });
});

describe('java', () => {
  test('imports, java.lang, static factories, constructors and declared types', async () => {
    const src = [
      'import java.io.ObjectInputStream;', 'import static java.lang.Math.max;', 'import java.util.*;',
      'class A {', '  private ObjectInputStream field;',
      '  void m(java.io.InputStream in) throws Exception {',
      '    ObjectInputStream ois = new ObjectInputStream(in);', '    var o = new java.beans.XMLDecoder(in);',
      '    ois.readObject();', '    o.readObject();', '    Runtime.getRuntime().exec(cmd);', '    max(1, 2);',
      '    this.field.readObject();', '    helper(x);', '  }', '}',
    ].join('\n');
    expect(await calls('java', src)).toEqual([
      'java.io.ObjectInputStream', 'java.beans.XMLDecoder', 'java.io.ObjectInputStream.readObject',
      'java.beans.XMLDecoder.readObject', 'java.lang.Runtime.exec', 'java.lang.Runtime.getRuntime',
      'java.lang.Math.max', 'java.io.ObjectInputStream.readObject', 'helper',
    ]);
  });
  test('wildcard imports are candidates for unknown classes', async () => {
    const map = await mapOf('java', 'import java.util.*;\nimport static org.x.Y.*;\nclass A {}\n');
    expect(map.wildcards).toEqual(['java.util', 'org.x.Y']);
    expect(qualifiedNames(map, 'Scanner.next')).toEqual(['Scanner.next', 'java.util.Scanner.next', 'org.x.Y.Scanner.next']);
  });
});

describe('go', () => {
  test('import paths, aliases, versioned paths, dot and blank imports, typed parameters', async () => {
    const src = [
      'package main', 'import "fmt"', 'import (', '\te "os/exec"', '\t. "strings"', '\t_ "github.com/mattn/go-sqlite3"',
      '\t"gopkg.in/yaml.v3"', '\t"database/sql"', ')',
      'func f(db *sql.DB, s string) {', '\tfmt.Println(s)', '\te.Command("ls").Run()', '\tyaml.Unmarshal(b, &v)',
      '\tdb.Query("q" + s)', '\tToUpper(s)', '}',
    ].join('\n');
    expect(await calls('go', src)).toEqual([
      'fmt.Println', 'os/exec.Command.Run', 'os/exec.Command', 'gopkg.in/yaml.v3.Unmarshal',
      'database/sql.DB.Query', 'ToUpper',
    ]);
    const map = await mapOf('go', src);
    expect(map.wildcards).toEqual(['strings']);
    expect(qualifiedNames(map, 'ToUpper')).toEqual(['ToUpper', 'strings.ToUpper']);
  });
  test('package names from import paths', () => {
    expect(goPackageName('os/exec')).toBe('exec');
    expect(goPackageName('gopkg.in/yaml.v3')).toBe('yaml');
    expect(goPackageName('github.com/x/y/v2')).toBe('y');
    expect(goPackageName('github.com/mattn/go-sqlite3')).toBe('sqlite3');
  });
});

describe('c and c++', () => {
  test('plain names; std:: and :: stripped, the qualified form kept as a second name', async () => {
    expect(await calls('c', 'void f(char *a) { strcpy(b, a); s.run(); p->go(); }\n')).toEqual(['strcpy', 's.run', 'p.go']);
    const src = 'int main() { std::system(a); ::system(b); system(c); }\n';
    expect(await calls('cpp', src)).toEqual(['system', 'system', 'system']);
    const map = await mapOf('cpp', src);
    expect(qualifiedNames(map, 'std::system')).toEqual(['system', 'std::system']);
  });
});
