import { mapHeader } from '../src/main/contacts/import/csv/headers';
const hs = process.argv.slice(2);
const m = mapHeader(hs, { requireIdentifying: false })!;
hs.forEach((h, i) => console.log(h.padEnd(30), m[i] ? `${m[i]!.kind}${m[i]!.type ? ':' + m[i]!.type : ''}${m[i]!.group ? '@' + m[i]!.group : ''}` : '-'));
