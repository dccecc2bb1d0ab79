/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. Each with its starting line. */
export function csvRecords(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      if (c === '\n') line++;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      end();
      start = ++line;
    } else field += c;
  }
  if (field !== '' || fields.length) end();
  return out;
}
