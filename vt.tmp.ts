import { lint } from './src/index';
const t = process.argv[2];
for (const a of ['clinical','admin','it','patients']) console.log(a, lint(t, { audience: a }).findings.filter(f=>['jargon','undefined-acronym'].includes(f.ruleId)).map(f=>f.ruleId+':'+t.slice(f.range.start.offset,f.range.end.offset)).join(', '));
