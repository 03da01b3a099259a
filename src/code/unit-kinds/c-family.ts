import type { Node } from 'web-tree-sitter';
import type { UnitKind } from '../unit.js';
import { anonymousUnit, compactText, same, type CallbackShape, type UnitSpec } from '../unit-spec.js';

/** C and C++: C++'s grammar extends C's, so one set of rules serves both, with C++ extras switched on. */

const PREPROCESSOR_CONTAINERS = ['preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef'];

const INERT = new Set([
  ...PREPROCESSOR_CONTAINERS,
  'preproc_include',
  'preproc_call',
  'function_definition',
  'type_definition',
  'struct_specifier',
  'union_specifier',
  'enum_specifier',
  'class_specifier',
  'namespace_definition',
  'linkage_specification',
  'using_declaration',
  'alias_declaration',
  'namespace_alias_definition',
  'access_specifier',
  'friend_declaration',
  'static_assert_declaration',
  'concept_definition',
  'template_instantiation',
]);

/** Node types that end the walk down a declarator: the declared name. */
const NAMES = new Set([
  'identifier',
  'field_identifier',
  'qualified_identifier',
  'destructor_name',
  'operator_name',
  'operator_cast',
  'template_function',
  'type_identifier',
]);

/** The name through nested declarators: `char *(*f(int))(void)` names `f`. */
export function declaratorName(declarator: Node | null): Node | undefined {
  let node = declarator;
  for (let depth = 0; node && depth < 32; depth++) {
    if (NAMES.has(node.type)) return node;
    node = node.childForFieldName('declarator') ?? node.namedChildren.find((c) => c && c.type.endsWith('declarator')) ?? null;
  }
  return undefined;
}

/** `A<T>::B<U>::f` -> ['A', 'B', 'f'] (template arguments dropped, for comparisons only). */
function segments(name: string): string[] {
  let plain = name;
  for (let previous = ''; previous !== plain; ) {
    previous = plain;
    plain = plain.replace(/<[^<>]*>/g, '');
  }
  return plain.split('::');
}

const shape: CallbackShape = {
  argumentsType: 'argument_list',
  stringTypes: new Set(['string_literal', 'raw_string_literal']),
  functionTypes: new Set(['lambda_expression']),
  callee(call) {
    const fn = call.type === 'call_expression' ? call.childForFieldName('function') : null;
    return fn ? compactText(fn) : undefined;
  },
  isCallee: (call, child) => call.type === 'call_expression' && same(call.childForFieldName('function'), child),
};

/** `auto check = [&](...) {...};` and `handler = [](...) {...};` name their lambda. */
function assignedTo(node: Node): { name: string; span: Node } | undefined {
  const parent = node.parent;
  if (parent?.type === 'init_declarator' && same(parent.childForFieldName('value'), node)) {
    const name = declaratorName(parent.childForFieldName('declarator'));
    if (!name) return undefined;
    const declaration = parent.parent;
    const single = declaration?.type === 'declaration' && declaration.childrenForFieldName('declarator').length === 1;
    return { name: compactText(name), span: single ? declaration : parent };
  }
  if (parent?.type === 'assignment_expression' && same(parent.childForFieldName('right'), node)) {
    const left = parent.childForFieldName('left');
    if (!left) return undefined;
    const statement = parent.parent?.type === 'expression_statement' ? parent.parent : parent;
    return { name: compactText(left).replace(/^this->/, ''), span: statement };
  }
  return undefined;
}

/** `template <...>` lines belong to the function they introduce. */
function withTemplates(node: Node): Node {
  let span = node;
  while (span.parent?.type === 'template_declaration') span = span.parent;
  return span;
}

function makeSpec(cpp: boolean): UnitSpec {
  const containers = new Set(['translation_unit', ...PREPROCESSOR_CONTAINERS]);
  if (cpp) for (const type of ['field_declaration_list', 'declaration_list']) containers.add(type);
  const spec: UnitSpec = {
    separator: cpp ? '::' : '.',
    commentTypes: new Set(['comment']),
    unitTypes: new Set(cpp ? ['function_definition', 'lambda_expression'] : ['function_definition']),
    scopeTypes: new Set(cpp ? ['namespace_definition', 'class_specifier', 'struct_specifier', 'union_specifier'] : []),
    containerTypes: containers,
    nonStatementFields: new Set(['name', 'condition']), // `#ifdef NAME`, `#if CONDITION`

    unit(node, context) {
      if (node.type === 'lambda_expression') {
        const site = assignedTo(node);
        if (site) return { name: site.name, kind: 'lambda', first: site.span, last: site.span };
        return anonymousUnit(node, context, shape, 'lambda');
      }
      const nameNode = declaratorName(node.childForFieldName('declarator'));
      if (!nameNode) return undefined;
      const name = compactText(nameNode);
      const span = withTemplates(node);
      let kind: UnitKind = 'function';
      if (cpp) {
        const parts = segments(name);
        const last = parts[parts.length - 1] ?? '';
        if (context.nearest === 'class') {
          kind = last === context.nearestName ? 'constructor' : 'method';
        } else if (parts.length > 1) {
          // Out of line, `Class::method`: a namespace-qualified free function looks the same and is rarer.
          kind = last === parts[parts.length - 2] ? 'constructor' : 'method';
        }
      }
      return { name, kind, first: span, last: span };
    },

    scope(node) {
      if (node.type === 'namespace_definition') {
        const name = node.childForFieldName('name');
        return { name: name ? compactText(name) : undefined, kind: 'namespace' }; // anonymous namespaces add nothing
      }
      if (!node.childForFieldName('body')) return undefined; // `struct S s;` names a type, declares no scope
      const name = node.childForFieldName('name');
      return { name: name ? compactText(name) : undefined, kind: 'class' };
    },

    isInert(node) {
      if (INERT.has(node.type)) return true;
      switch (node.type) {
        case 'template_declaration': {
          const inner = node.namedChildren.find((c) => c && c.type !== 'template_parameter_list');
          return !inner || spec.isInert(inner);
        }
        case 'declaration':
          // A prototype or `extern int x;` declares; `const char *key = "...";` computes.
          return !node.childrenForFieldName('declarator').some((d) => d?.type === 'init_declarator');
        case 'field_declaration':
          return !node.childForFieldName('default_value') || node.childForFieldName('declarator')?.type === 'function_declarator';
        case 'preproc_def':
          return !node.childForFieldName('value'); // include guards
        default:
          return false;
      }
    },
  };
  return spec;
}

export const c = makeSpec(false);
export const cpp = makeSpec(true);
