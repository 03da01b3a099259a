import type { Language } from '../../src/code/languages.js';
import { fixedText, rule } from './rule-helpers.js';

// Each rule renames `weak` to `strong` and needs the given import lines.
const QUERY: Record<Language, string> = {
  python: '((identifier) @id (#eq? @id "weak"))',
  javascript: '((identifier) @id (#eq? @id "weak"))',
  typescript: '((identifier) @id (#eq? @id "weak"))',
  java: '((identifier) @id (#eq? @id "weak"))',
  go: '((identifier) @id (#eq? @id "weak"))',
  c: '((identifier) @id (#eq? @id "weak"))',
  cpp: '((identifier) @id (#eq? @id "weak"))',
};

async function withImports(language: Language, source: string, imports: string[]): Promise<string> {
  const r = rule({ language, query: QUERY[language], report: 'id', fix: { description: 'a test fix', edits: [{ capture: 'id', replace: 'strong' }], imports } });
  return fixedText(r, source);
}

const CASES: [string, Language, string, string[], string][] = [
  ['python: after the last top-level import', 'python',
    'import os\nfrom a import b\n\ndef f():\n    import json\n    weak()\n', ['import secrets'],
    'import os\nfrom a import b\nimport secrets\n\ndef f():\n    import json\n    strong()\n'],
  ['python: after shebang, comments and docstring', 'python',
    '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n"""Module doc."""\n\ndef f():\n    weak()\n', ['import secrets'],
    '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n"""Module doc."""\nimport secrets\n\ndef f():\n    strong()\n'],
  ['python: at the top, set apart by a blank line', 'python',
    'def f():\n    weak()\n', ['import secrets', 'from hmac import compare_digest'],
    'import secrets\nfrom hmac import compare_digest\n\ndef f():\n    strong()\n'],
  ['python: already imported, also through an alias-free from-import', 'python',
    'import secrets\nfrom hmac import compare_digest\nweak()\n', ['import secrets', 'from hmac import compare_digest'],
    'import secrets\nfrom hmac import compare_digest\nstrong()\n'],
  ['javascript: CommonJS file keeps require', 'javascript',
    "'use strict';\nconst fs = require('fs');\n\nweak();\n", ["const crypto = require('node:crypto');"],
    "'use strict';\nconst fs = require('fs');\nconst crypto = require('node:crypto');\n\nstrong();\n"],
  ['javascript: an ESM file gets import', 'javascript',
    "import fs from 'fs';\n\nweak();\n", ["const crypto = require('node:crypto');", "const { timingSafeEqual: tse } = require('crypto');"],
    "import fs from 'fs';\nimport crypto from 'node:crypto';\nimport { timingSafeEqual as tse } from 'crypto';\n\nstrong();\n"],
  ['javascript: a CommonJS file gets require for an import line', 'javascript',
    "const fs = require('fs');\nweak();\n", ["import crypto, { randomBytes as rb } from 'node:crypto';"],
    "const fs = require('fs');\nconst crypto = require('node:crypto');\nconst { randomBytes: rb } = require('node:crypto');\nstrong();\n"],
  ['javascript: the same module under node: counts as present', 'javascript',
    "const crypto = require('crypto');\nweak();\n", ["const crypto = require('node:crypto');"],
    "const crypto = require('crypto');\nstrong();\n"],
  ['javascript: no imports, after the shebang', 'javascript',
    '#!/usr/bin/env node\nweak();\n', ["const crypto = require('node:crypto');"],
    "#!/usr/bin/env node\nconst crypto = require('node:crypto');\n\nstrong();\n"],
  ['typescript: after the last import', 'typescript',
    "import { a } from './a.js';\nimport type { B } from './b.js';\nweak();\n", ["import { randomBytes } from 'node:crypto';"],
    "import { a } from './a.js';\nimport type { B } from './b.js';\nimport { randomBytes } from 'node:crypto';\nweak();\n".replace('\nweak', '\nstrong')],
  ['java: after the last import', 'java',
    'package p;\n\nimport java.util.List;\n\nclass A { void m() { weak(); } }\n', ['import java.security.SecureRandom;'],
    'package p;\n\nimport java.util.List;\nimport java.security.SecureRandom;\n\nclass A { void m() { strong(); } }\n'],
  ['java: after the package', 'java',
    'package p;\n\nclass A { void m() { weak(); } }\n', ['import java.security.SecureRandom;'],
    'package p;\n\nimport java.security.SecureRandom;\n\nclass A { void m() { strong(); } }\n'],
  ['java: covered by a wildcard import or java.lang', 'java',
    'import java.security.*;\nclass A { void m() { weak(); } }\n', ['import java.security.SecureRandom;', 'import java.lang.ProcessBuilder;'],
    'import java.security.*;\nclass A { void m() { strong(); } }\n'],
  ['go: into the import block', 'go',
    'package main\n\nimport (\n\t"fmt"\n)\n\nfunc f() { weak() }\n', ['import "crypto/rand"', 'm "math/big"'],
    'package main\n\nimport (\n\t"fmt"\n\t"crypto/rand"\n\tm "math/big"\n)\n\nfunc f() { strong() }\n'],
  ['go: a block after single imports', 'go',
    'package main\n\nimport "fmt"\n\nfunc f() { weak() }\n', ['import "crypto/rand"'],
    'package main\n\nimport "fmt"\nimport (\n\t"crypto/rand"\n)\n\nfunc f() { strong() }\n'],
  ['go: a new block after the package clause', 'go',
    'package main\n\nfunc f() { weak() }\n', ['import "crypto/rand"'],
    'package main\n\nimport (\n\t"crypto/rand"\n)\n\nfunc f() { strong() }\n'],
  ['go: already imported', 'go',
    'package main\n\nimport (\n\t"crypto/rand"\n)\n\nfunc f() { weak() }\n', ['import "crypto/rand"'],
    'package main\n\nimport (\n\t"crypto/rand"\n)\n\nfunc f() { strong() }\n'],
  ['c: after the last #include', 'c',
    '#include <stdio.h>\n#include "x.h"\n\nvoid f(void) { weak(); }\n', ['#include <string.h>'],
    '#include <stdio.h>\n#include "x.h"\n#include <string.h>\n\nvoid f(void) { strong(); }\n'],
  ['c: already included (spacing differs)', 'c',
    '#include<string.h>\nvoid f(void) { weak(); }\n', ['#include <string.h>'],
    '#include<string.h>\nvoid f(void) { strong(); }\n'],
  ['cpp: at the top without includes', 'cpp',
    'void f() { weak(); }\n', ['#include <string>'],
    '#include <string>\n\nvoid f() { strong(); }\n'],
];

test.each(CASES)('%s', async (_name, language, source, imports, expected) => {
  expect(await withImports(language, source, imports)).toBe(expected);
});

test('non-ASCII text above an import insertion point', async () => {
  const src = '# ☕ café 😀\nimport os\n\nweak()  # é\n';
  expect(await withImports('python', src, ['import secrets'])).toBe('# ☕ café 😀\nimport os\nimport secrets\n\nstrong()  # é\n');
});
