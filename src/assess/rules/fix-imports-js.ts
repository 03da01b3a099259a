import type { Node } from 'web-tree-sitter';
import { requiredModule } from '../../facets/imports-callee.js';

export type ModuleStyle = 'esm' | 'cjs';

/** Top-level statements that import: ESM `import`, TypeScript `import x = require()`, and `require` declarations. */
export function jsImportStatements(root: Node): Node[] {
  return root.namedChildren.filter((s) => {
    if (s.type === 'import_statement') return true;
    if (s.type !== 'lexical_declaration' && s.type !== 'variable_declaration') return false;
    return s.descendantsOfType('call_expression').some((c) => requiredModule(c) !== undefined);
  });
}

/** What a file already uses; undefined when it imports nothing, so a template line is kept as written. */
export function moduleStyle(root: Node): ModuleStyle | undefined {
  let style: ModuleStyle | undefined;
  for (const s of jsImportStatements(root)) {
    if (s.type === 'import_statement' && !s.namedChildren.some((c) => c.type === 'import_require_clause')) return 'esm';
    style = 'cjs';
  }
  if (root.namedChildren.some((s) => s.type === 'export_statement')) return 'esm';
  return style;
}

const ESM = /^import\s+(.+?)\s+from\s+(['"])([^'"]+)\2\s*;?$/;
const CJS = /^(?:const|let|var)\s+(.+?)\s*=\s*require\(\s*(['"])([^'"]+)\2\s*\)((?:\.[A-Za-z_$][\w$]*)?)\s*;?$/;

/** Rewrites a template import line to the file's module style; lines of other shapes are kept. */
export function toModuleStyle(line: string, style: ModuleStyle | undefined): string[] {
  const text = line.trim();
  if (style === 'esm') {
    const m = CJS.exec(text);
    if (!m) return [text];
    const [, pattern, q, mod, member] = m as unknown as [string, string, string, string, string];
    if (member) return [`import { ${member.slice(1)}${member.slice(1) === pattern ? '' : ` as ${pattern}`} } from ${q}${mod}${q};`];
    if (pattern.startsWith('{')) {
      const names = splitNames(pattern).map((n) => n.replace(/\s*:\s*/, ' as '));
      return [`import { ${names.join(', ')} } from ${q}${mod}${q};`];
    }
    return [`import ${pattern} from ${q}${mod}${q};`];
  }
  if (style === 'cjs') {
    const m = ESM.exec(text);
    if (!m) return [text];
    const [, clause, q, mod] = m as unknown as [string, string, string, string];
    const req = `require(${q}${mod}${q})`;
    const out: string[] = [];
    const named = /\{([^}]*)\}/.exec(clause);
    const head = clause.replace(/\{[^}]*\}/, '').replace(/,\s*$/, '').replace(/^\s*,/, '').trim();
    if (head) out.push(`const ${head.replace(/^\*\s+as\s+/, '')} = ${req};`);
    if (named) {
      const names = splitNames(`{${named[1]}}`).map((n) => n.replace(/\s+as\s+/, ': '));
      out.push(`const { ${names.join(', ')} } = ${req};`);
    }
    return out.length ? out : [text];
  }
  return [text];
}

function splitNames(pattern: string): string[] {
  return pattern.replace(/^\{|\}$/g, '').split(',').map((s) => s.trim()).filter(Boolean);
}
