#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);

// src/code/unit-spec.ts
function lineSpan(node) {
  const start = node.startPosition.row + 1;
  const endPos = node.endPosition;
  const end = endPos.column === 0 && endPos.row > node.startPosition.row ? endPos.row : endPos.row + 1;
  return { start, end };
}
function isMultiLine(node) {
  const { start, end } = lineSpan(node);
  return end > start;
}
function same(a, b) {
  return !!a && !!b && a.id === b.id;
}
function compactText(node) {
  return node.text.replace(/\s*[\r\n]\s*/g, "").replace(/\s+/g, " ");
}
function keyName(node) {
  const text = compactText(node);
  const quoted = /^(['"`])(.*)\1$/s.exec(text);
  return quoted ? quoted[2] : text;
}
function parentThroughParens(node) {
  let child = node;
  let parent = node.parent;
  while (parent && parent.type === "parenthesized_expression") {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}
function wholeStatement(node, statementType = "expression_statement") {
  const parent = node.parent;
  return parent && parent.type === statementType && parent.namedChildCount === 1 ? parent : node;
}
var REGISTRATION_KEY = /^(['"`])[^\s'"`\\]{1,60}\1$/;
var MAX_CALLEE = 60;
function anonymousUnit(node, context, shape5, kind, ownName) {
  if (!isMultiLine(node)) return void 0;
  const { parent, child } = parentThroughParens(node);
  if (parent && parent.type === shape5.argumentsType && parent.parent) {
    const call = parent.parent;
    const args = parent.namedChildren.filter((n) => !!n && n.type !== "comment");
    const first = args[0];
    const key = first && !same(first, child) && shape5.stringTypes.has(first.type) && REGISTRATION_KEY.test(first.text) ? first.text : void 0;
    if (context.insideUnit && !key) return void 0;
    const callee = shape5.callee(call);
    const name = ownName ?? shape5.nameOfCall?.(call) ?? (callee && callee.length <= MAX_CALLEE ? `${callee}${key ? `(${key})` : ""} callback` : "<anonymous>");
    const callbacks = args.filter((a) => shape5.functionTypes.has(a.type)).length;
    const span = callbacks === 1 ? wholeStatement(call) : node;
    return { name, kind, first: span, last: span };
  }
  if (context.insideUnit) return void 0;
  if (parent && shape5.isCallee(parent, child)) {
    const span = wholeStatement(parent);
    return { name: ownName ?? "<iife>", kind, first: span, last: span };
  }
  return { name: ownName ?? "<anonymous>", kind, first: node, last: node };
}

// src/code/unit-kinds/c-family.ts
var PREPROCESSOR_CONTAINERS = ["preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif", "preproc_elifdef"];
var INERT = /* @__PURE__ */ new Set([
  ...PREPROCESSOR_CONTAINERS,
  "preproc_include",
  "preproc_call",
  "function_definition",
  "type_definition",
  "struct_specifier",
  "union_specifier",
  "enum_specifier",
  "class_specifier",
  "namespace_definition",
  "linkage_specification",
  "using_declaration",
  "alias_declaration",
  "namespace_alias_definition",
  "access_specifier",
  "friend_declaration",
  "static_assert_declaration",
  "concept_definition",
  "template_instantiation"
]);
var NAMES = /* @__PURE__ */ new Set([
  "identifier",
  "field_identifier",
  "qualified_identifier",
  "destructor_name",
  "operator_name",
  "operator_cast",
  "template_function",
  "type_identifier"
]);
function declaratorName(declarator) {
  let node = declarator;
  for (let depth = 0; node && depth < 32; depth++) {
    if (NAMES.has(node.type)) return node;
    node = node.childForFieldName("declarator") ?? node.namedChildren.find((c2) => c2 && c2.type.endsWith("declarator")) ?? null;
  }
  return void 0;
}
function segments(name) {
  let plain = name;
  for (let previous = ""; previous !== plain; ) {
    previous = plain;
    plain = plain.replace(/<[^<>]*>/g, "");
  }
  return plain.split("::");
}
var shape = {
  argumentsType: "argument_list",
  stringTypes: /* @__PURE__ */ new Set(["string_literal", "raw_string_literal"]),
  functionTypes: /* @__PURE__ */ new Set(["lambda_expression"]),
  callee(call) {
    const fn = call.type === "call_expression" ? call.childForFieldName("function") : null;
    return fn ? compactText(fn) : void 0;
  },
  isCallee: (call, child) => call.type === "call_expression" && same(call.childForFieldName("function"), child)
};
function assignedTo(node) {
  const parent = node.parent;
  if (parent?.type === "init_declarator" && same(parent.childForFieldName("value"), node)) {
    const name = declaratorName(parent.childForFieldName("declarator"));
    if (!name) return void 0;
    const declaration = parent.parent;
    const single = declaration?.type === "declaration" && declaration.childrenForFieldName("declarator").length === 1;
    return { name: compactText(name), span: single ? declaration : parent };
  }
  if (parent?.type === "assignment_expression" && same(parent.childForFieldName("right"), node)) {
    const left = parent.childForFieldName("left");
    if (!left) return void 0;
    const statement = parent.parent?.type === "expression_statement" ? parent.parent : parent;
    return { name: compactText(left).replace(/^this->/, ""), span: statement };
  }
  return void 0;
}
function withTemplates(node) {
  let span = node;
  while (span.parent?.type === "template_declaration") span = span.parent;
  return span;
}
function makeSpec(cpp2) {
  const containers = /* @__PURE__ */ new Set(["translation_unit", ...PREPROCESSOR_CONTAINERS]);
  if (cpp2) for (const type of ["field_declaration_list", "declaration_list"]) containers.add(type);
  const spec = {
    separator: cpp2 ? "::" : ".",
    commentTypes: /* @__PURE__ */ new Set(["comment"]),
    unitTypes: new Set(cpp2 ? ["function_definition", "lambda_expression"] : ["function_definition"]),
    scopeTypes: new Set(cpp2 ? ["namespace_definition", "class_specifier", "struct_specifier", "union_specifier"] : []),
    containerTypes: containers,
    nonStatementFields: /* @__PURE__ */ new Set(["name", "condition"]),
    // `#ifdef NAME`, `#if CONDITION`
    unit(node, context) {
      if (node.type === "lambda_expression") {
        const site = assignedTo(node);
        if (site) return { name: site.name, kind: "lambda", first: site.span, last: site.span };
        return anonymousUnit(node, context, shape, "lambda");
      }
      const nameNode = declaratorName(node.childForFieldName("declarator"));
      if (!nameNode) return void 0;
      const name = compactText(nameNode);
      const span = withTemplates(node);
      let kind = "function";
      if (cpp2) {
        const parts = segments(name);
        const last = parts[parts.length - 1] ?? "";
        if (context.nearest === "class") {
          kind = last === context.nearestName ? "constructor" : "method";
        } else if (parts.length > 1) {
          kind = last === parts[parts.length - 2] ? "constructor" : "method";
        }
      }
      return { name, kind, first: span, last: span };
    },
    scope(node) {
      if (node.type === "namespace_definition") {
        const name2 = node.childForFieldName("name");
        return { name: name2 ? compactText(name2) : void 0, kind: "namespace" };
      }
      if (!node.childForFieldName("body")) return void 0;
      const name = node.childForFieldName("name");
      return { name: name ? compactText(name) : void 0, kind: "class" };
    },
    isInert(node) {
      if (INERT.has(node.type)) return true;
      switch (node.type) {
        case "template_declaration": {
          const inner = node.namedChildren.find((c2) => c2 && c2.type !== "template_parameter_list");
          return !inner || spec.isInert(inner);
        }
        case "declaration":
          return !node.childrenForFieldName("declarator").some((d) => d?.type === "init_declarator");
        case "field_declaration":
          return !node.childForFieldName("default_value") || node.childForFieldName("declarator")?.type === "function_declarator";
        case "preproc_def":
          return !node.childForFieldName("value");
        // include guards
        default:
          return false;
      }
    }
  };
  return spec;
}
var c = makeSpec(false);
var cpp = makeSpec(true);

// src/code/unit-kinds/go.ts
var INERT2 = /* @__PURE__ */ new Set(["package_clause", "import_declaration", "function_declaration", "method_declaration", "type_declaration"]);
var shape2 = {
  argumentsType: "argument_list",
  stringTypes: /* @__PURE__ */ new Set(["interpreted_string_literal", "raw_string_literal"]),
  functionTypes: /* @__PURE__ */ new Set(["func_literal"]),
  callee(call) {
    const fn = call.type === "call_expression" ? call.childForFieldName("function") : null;
    return fn ? compactText(fn) : void 0;
  },
  isCallee: (call, child) => call.type === "call_expression" && same(call.childForFieldName("function"), child)
};
function receiverType(receiver) {
  const parameter = receiver?.namedChildren.find((c2) => c2?.type === "parameter_declaration");
  let type = parameter?.childForFieldName("type") ?? null;
  while (type && type.type !== "type_identifier") {
    type = type.type === "pointer_type" || type.type === "parenthesized_type" ? type.namedChild(0) : type.type === "generic_type" ? type.childForFieldName("type") : null;
  }
  return type?.text;
}
function assignedTo2(node) {
  const list = node.parent;
  if (list?.type !== "expression_list") return void 0;
  const statement = list.parent;
  if (!statement) return void 0;
  const index = list.namedChildren.findIndex((c2) => same(c2, node));
  let names;
  let span = statement;
  if (statement.type === "var_spec" || statement.type === "const_spec") {
    if (!same(statement.childForFieldName("value"), list)) return void 0;
    names = statement.childrenForFieldName("name");
    const declaration = statement.parent;
    if (declaration && declaration.namedChildCount === 1) span = declaration;
  } else if (statement.type === "short_var_declaration" || statement.type === "assignment_statement") {
    if (!same(statement.childForFieldName("right"), list)) return void 0;
    names = statement.childForFieldName("left")?.namedChildren ?? [];
  } else {
    return void 0;
  }
  const name = names[index];
  return name ? { name: compactText(name), span } : void 0;
}
var go = {
  separator: ".",
  commentTypes: /* @__PURE__ */ new Set(["comment"]),
  unitTypes: /* @__PURE__ */ new Set(["function_declaration", "method_declaration", "func_literal"]),
  scopeTypes: /* @__PURE__ */ new Set(),
  containerTypes: /* @__PURE__ */ new Set(["source_file"]),
  unit(node, context) {
    switch (node.type) {
      case "function_declaration": {
        const name = node.childForFieldName("name")?.text;
        return name ? { name, kind: "function", first: node, last: node } : void 0;
      }
      case "method_declaration": {
        const name = node.childForFieldName("name")?.text;
        if (!name) return void 0;
        const type = receiverType(node.childForFieldName("receiver"));
        return { name: type ? `${type}.${name}` : name, kind: "method", first: node, last: node };
      }
      default: {
        const site = assignedTo2(node);
        if (site) return { name: site.name, kind: "lambda", first: site.span, last: site.span };
        return anonymousUnit(node, context, shape2, "lambda");
      }
    }
  },
  scope: () => void 0,
  recoveryLine: /^func\s/,
  isInert(node) {
    if (INERT2.has(node.type)) return true;
    if (node.type === "var_declaration" || node.type === "const_declaration") {
      return !node.descendantsOfType(["var_spec", "const_spec"]).some((s) => s?.childForFieldName("value"));
    }
    return false;
  }
};

// src/code/unit-kinds/java.ts
var TYPE_DECLARATIONS = [
  "class_declaration",
  "interface_declaration",
  "enum_declaration",
  "record_declaration",
  "annotation_type_declaration"
];
var INERT3 = /* @__PURE__ */ new Set([
  ...TYPE_DECLARATIONS,
  "package_declaration",
  "import_declaration",
  "module_declaration",
  "method_declaration",
  "constructor_declaration",
  "compact_constructor_declaration",
  "annotation_type_element_declaration",
  "enum_constant"
]);
var CONTAINERS = /* @__PURE__ */ new Set([
  "program",
  "class_body",
  "interface_body",
  "enum_body",
  "enum_body_declarations",
  "annotation_type_body"
]);
var shape3 = {
  argumentsType: "argument_list",
  stringTypes: /* @__PURE__ */ new Set(["string_literal"]),
  functionTypes: /* @__PURE__ */ new Set(["lambda_expression"]),
  callee(call) {
    if (call.type === "method_invocation") {
      const name = call.childForFieldName("name")?.text;
      const object = call.childForFieldName("object");
      return name && (object ? `${compactText(object)}.${name}` : name);
    }
    if (call.type === "object_creation_expression") {
      const type = call.childForFieldName("type");
      return type ? `new ${compactText(type)}` : void 0;
    }
    return void 0;
  },
  isCallee: () => false
};
function typeName(type) {
  if (!type) return "";
  return compactText(type).replace(/<.*>$/s, "");
}
function assignedTo3(node) {
  const parent = node.parent;
  if (parent?.type === "variable_declarator" && same(parent.childForFieldName("value"), node)) {
    const name = parent.childForFieldName("name")?.text;
    if (!name) return void 0;
    const declaration = parent.parent;
    const single = declaration && declaration.namedChildren.filter((c2) => c2?.type === "variable_declarator").length === 1;
    return { name, span: single ? declaration : parent };
  }
  if (parent?.type === "assignment_expression" && same(parent.childForFieldName("right"), node)) {
    const left = parent.childForFieldName("left");
    if (!left) return void 0;
    const statement = parent.parent?.type === "expression_statement" ? parent.parent : parent;
    return { name: compactText(left).replace(/^this\./, ""), span: statement };
  }
  return void 0;
}
var java = {
  separator: ".",
  commentTypes: /* @__PURE__ */ new Set(["line_comment", "block_comment", "comment"]),
  unitTypes: /* @__PURE__ */ new Set(["method_declaration", "constructor_declaration", "compact_constructor_declaration", "lambda_expression"]),
  scopeTypes: /* @__PURE__ */ new Set([...TYPE_DECLARATIONS, "class_body"]),
  containerTypes: CONTAINERS,
  unit(node, context) {
    switch (node.type) {
      case "method_declaration": {
        const name = node.childForFieldName("name")?.text;
        if (!name || !node.childForFieldName("body")) return void 0;
        return { name, kind: "method", first: node, last: node };
      }
      case "constructor_declaration":
      case "compact_constructor_declaration": {
        const name = node.childForFieldName("name")?.text ?? context.nearestName ?? "<init>";
        return { name, kind: "constructor", first: node, last: node };
      }
      default: {
        const site = assignedTo3(node);
        if (site) return { name: site.name, kind: "lambda", first: site.span, last: site.span };
        return anonymousUnit(node, context, shape3, "lambda");
      }
    }
  },
  scope(node) {
    if (node.type === "class_body") {
      const parent = node.parent;
      if (parent?.type !== "object_creation_expression") return void 0;
      return { name: `<anonymous ${typeName(parent.childForFieldName("type"))}>`, kind: "class" };
    }
    return { name: node.childForFieldName("name")?.text, kind: "class" };
  },
  isInert(node) {
    if (INERT3.has(node.type)) return true;
    if (node.type === "field_declaration" || node.type === "constant_declaration") {
      return !node.namedChildren.some((d) => d?.type === "variable_declarator" && d.childForFieldName("value"));
    }
    return node.type === ";";
  }
};

// src/code/unit-kinds/javascript.ts
var FUNCTION_EXPRESSIONS = /* @__PURE__ */ new Set(["function_expression", "generator_function", "arrow_function"]);
var INERT4 = /* @__PURE__ */ new Set([
  "import_statement",
  "function_declaration",
  "generator_function_declaration",
  "function_signature",
  "class_declaration",
  "abstract_class_declaration",
  "interface_declaration",
  "type_alias_declaration",
  "enum_declaration",
  "ambient_declaration",
  "method_definition",
  "method_signature",
  "abstract_method_signature",
  "index_signature",
  "decorator",
  "empty_statement"
]);
var shape4 = {
  argumentsType: "arguments",
  stringTypes: /* @__PURE__ */ new Set(["string", "template_string"]),
  functionTypes: FUNCTION_EXPRESSIONS,
  callee(call) {
    if (call.type === "call_expression") {
      const fn = call.childForFieldName("function");
      return fn ? compactText(fn) : void 0;
    }
    if (call.type === "new_expression") {
      const ctor = call.childForFieldName("constructor");
      return ctor ? `new ${compactText(ctor)}` : void 0;
    }
    return void 0;
  },
  isCallee: (call, child) => call.type === "call_expression" && same(call.childForFieldName("function"), child),
  nameOfCall: (call) => namedBySite(call, call.parent)?.name
};
function withExport(node) {
  return node.parent?.type === "export_statement" ? node.parent : node;
}
function firstDecorator(node) {
  let first = node;
  for (let prev = node.previousNamedSibling; prev?.type === "decorator"; prev = prev.previousNamedSibling) first = prev;
  return first;
}
function assignedName(left) {
  if (left.type === "identifier") return left.text;
  if (left.type === "member_expression" || left.type === "subscript_expression") {
    return compactText(left).replace(/^this\./, "");
  }
  return void 0;
}
function namedBySite(node, parent) {
  if (!parent) return void 0;
  switch (parent.type) {
    case "variable_declarator": {
      if (!same(parent.childForFieldName("value"), node)) return void 0;
      const id = parent.childForFieldName("name");
      if (id?.type !== "identifier") return void 0;
      const declaration = parent.parent;
      const span = declaration && declaration.namedChildren.filter((c2) => c2?.type === "variable_declarator").length === 1 ? withExport(declaration) : parent;
      return { name: id.text, span };
    }
    case "assignment_expression": {
      if (!same(parent.childForFieldName("right"), node)) return void 0;
      const left = parent.childForFieldName("left");
      const name = left && assignedName(left);
      if (!name) return void 0;
      const statement = parent.parent?.type === "expression_statement" ? parent.parent : parent;
      return { name, span: statement };
    }
    case "pair": {
      const key = parent.childForFieldName("key");
      if (!key || !same(parent.childForFieldName("value"), node)) return void 0;
      return { name: keyName(key), span: parent };
    }
    case "field_definition":
    case "public_field_definition": {
      const key = parent.childForFieldName("property") ?? parent.childForFieldName("name");
      if (!key) return void 0;
      return { name: keyName(key), span: parent, field: true };
    }
    case "export_statement":
      return { name: "default", span: parent };
    default:
      return void 0;
  }
}
var javascript = {
  separator: ".",
  commentTypes: /* @__PURE__ */ new Set(["comment", "html_comment"]),
  unitTypes: /* @__PURE__ */ new Set([
    "function_declaration",
    "generator_function_declaration",
    "method_definition",
    ...FUNCTION_EXPRESSIONS
  ]),
  scopeTypes: /* @__PURE__ */ new Set(["class_declaration", "class", "abstract_class_declaration", "object", "internal_module", "module"]),
  containerTypes: /* @__PURE__ */ new Set(["program"]),
  recoveryLine: /^(?:export\s+(?:default\s+)?)?(?:async\s+)?(?:function|class)\b/,
  scopeBodiesAreContainers: true,
  // class bodies and namespace blocks; object literals have no body field
  unit(node, context) {
    switch (node.type) {
      case "function_declaration":
      case "generator_function_declaration": {
        const name = node.childForFieldName("name")?.text;
        if (!name) return void 0;
        const span = withExport(node);
        return { name, kind: "function", first: span, last: span };
      }
      case "method_definition": {
        const key = node.childForFieldName("name");
        if (!key) return void 0;
        const name = keyName(key);
        const kind = name === "constructor" && node.parent?.type === "class_body" ? "constructor" : "method";
        return { name, kind, first: firstDecorator(node), last: node };
      }
      default: {
        const kind = node.type === "arrow_function" ? "lambda" : "function";
        const site = namedBySite(node, node.parent);
        if (site) return { name: site.name, kind: site.field ? "method" : kind, first: site.span, last: site.span };
        const ownName = node.childForFieldName("name")?.text;
        return anonymousUnit(node, context, shape4, kind, ownName);
      }
    }
  },
  scope(node) {
    if (node.type === "internal_module" || node.type === "module") {
      const name = node.childForFieldName("name");
      return { name: name ? keyName(name) : void 0, kind: "namespace" };
    }
    const own = node.type === "object" ? void 0 : node.childForFieldName("name")?.text;
    if (own) return { name: own, kind: "class" };
    const site = namedBySite(node, node.parent);
    if (node.type === "object") return site ? { name: site.name, kind: "object" } : void 0;
    return { name: site?.name, kind: "class" };
  },
  isInert
};
function isRequire(node) {
  const call = node.type === "await_expression" ? node.namedChild(0) : node;
  if (call?.type !== "call_expression") return false;
  const callee = call.childForFieldName("function");
  return callee?.type === "identifier" && callee.text === "require" || callee?.type === "import";
}
function isDeclarativeObject(node) {
  return node.type === "object" && node.namedChildren.every(
    (member) => !member || member.type === "comment" || member.type === "shorthand_property_identifier" || member.type === "method_definition" || member.type === "pair" && isFunctionOrTable(member.childForFieldName("value"))
  );
}
function isFunctionOrTable(value) {
  return !!value && (FUNCTION_EXPRESSIONS.has(value.type) || isDeclarativeObject(value));
}
function isExportList(assignment) {
  const left = assignment.childForFieldName("left");
  const right = assignment.childForFieldName("right");
  if (!left || !right || !/^(module\.)?exports(\.|$)/.test(compactText(left))) return false;
  return right.type === "identifier" || isDeclarativeObject(right);
}
function isInert(node) {
  if (INERT4.has(node.type)) return true;
  switch (node.type) {
    case "export_statement": {
      const declaration = node.childForFieldName("declaration");
      if (declaration) return isInert(declaration);
      return !node.childForFieldName("value");
    }
    case "field_definition":
    case "public_field_definition":
      return !node.childForFieldName("value");
    case "lexical_declaration":
    case "variable_declaration":
      return node.namedChildren.every((d) => {
        if (d?.type !== "variable_declarator") return true;
        const value = d.childForFieldName("value");
        return !value || isRequire(value) || isDeclarativeObject(value);
      });
    case "expression_statement": {
      const only = node.namedChildCount === 1 ? node.namedChild(0) : null;
      if (only?.type === "string" || only?.type === "internal_module") return true;
      return only?.type === "assignment_expression" && isExportList(only);
    }
    default:
      return false;
  }
}

// src/code/unit-kinds/python.ts
var INERT5 = /* @__PURE__ */ new Set([
  "import_statement",
  "import_from_statement",
  "future_import_statement",
  "function_definition",
  "class_definition",
  "decorated_definition",
  "pass_statement",
  "type_alias_statement"
]);
function isDocstring(node) {
  return node.type === "expression_statement" && node.namedChildCount === 1 && node.namedChild(0)?.type === "string";
}
function targetName(left) {
  if (left.type === "identifier") return left.text;
  if (left.type === "attribute") return compactText(left).replace(/^(self|cls)\./, "");
  return void 0;
}
var python = {
  separator: ".",
  commentTypes: /* @__PURE__ */ new Set(["comment"]),
  unitTypes: /* @__PURE__ */ new Set(["function_definition", "lambda"]),
  scopeTypes: /* @__PURE__ */ new Set(["class_definition"]),
  containerTypes: /* @__PURE__ */ new Set(["module"]),
  scopeBodiesAreContainers: true,
  unit(node, context) {
    if (node.type === "function_definition") {
      const name2 = node.childForFieldName("name")?.text;
      if (!name2) return void 0;
      const decorated = node.parent?.type === "decorated_definition" ? node.parent : node;
      const kind = context.nearest === "class" ? name2 === "__init__" ? "constructor" : "method" : "function";
      return { name: name2, kind, first: decorated, last: decorated };
    }
    const parent = node.parent;
    if (parent?.type !== "assignment" || !same(parent.childForFieldName("right"), node)) return void 0;
    const left = parent.childForFieldName("left");
    const name = left && targetName(left);
    if (!name) return void 0;
    const span = wholeStatement(parent);
    return { name, kind: "lambda", first: span, last: span };
  },
  scope(node) {
    return { name: node.childForFieldName("name")?.text, kind: "class" };
  },
  isInert: (node) => INERT5.has(node.type) || isDocstring(node),
  recoveryLine: /^(?:async\s+def|def|class)\s|^@/,
  docstring(owner) {
    const body = owner.type === "module" ? owner : owner.childForFieldName("body");
    if (body?.type !== "module" && body?.type !== "block") return void 0;
    const first = body.namedChildren.find((c2) => c2?.type !== "comment");
    return first && isDocstring(first) ? first : void 0;
  }
};

// src/code/unit-kinds.ts
var UNIT_SPECS = {
  python,
  javascript,
  typescript: javascript,
  java,
  go,
  c,
  cpp
};

export {
  lineSpan,
  UNIT_SPECS
};
