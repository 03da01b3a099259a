import { parse } from '../code/parser.js';
const t = await parse('python', 'def f():\n  pass\n');
console.log(t.rootNode.toString());
