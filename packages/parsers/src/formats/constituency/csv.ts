/** One CSV row as read: its cells, the line it starts on (1-based) and its text as written. */
export interface CsvRow {
  cells: string[];
  line: number;
  text: string;
}

/**
 * Reads RFC 4180 CSV: quoted cells may hold the delimiter, doubled quotes and line breaks; CRLF or LF.
 * A space after a delimiter before an opening quote is allowed (ThreatFox writes `"a", "b"`). Blank lines
 * are skipped; lines starting with `#` are comments (abuse.ch headers) and are returned apart, in order.
 * A quote that is never closed ends the row at the end of the text (the row is then kept as it is, for
 * its parse to refuse), never loses the rows before it.
 */
export function readCsv(text: string, delimiter: string): { rows: CsvRow[]; comments: CsvRow[] } {
  const rows: CsvRow[] = [];
  const comments: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = i;
    const startLine = line;
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      i += text[i] === '\r' ? 2 : 1;
      line++;
      continue;
    }
    if (text[i] === '#') {
      const end = lineEnd(text, i);
      comments.push({ cells: [], line: startLine, text: text.slice(i, end).replace(/\r$/, '') });
      i = end + 1;
      line++;
      continue;
    }
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let atCellStart = true;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else quoted = false;
        } else {
          if (c === '\n') line++;
          cell += c;
        }
        continue;
      }
      if (atCellStart && c === '"') {
        quoted = true;
        atCellStart = false;
        cell = '';
        continue;
      }
      if (atCellStart && c === ' ' && delimiter !== ' ') {
        // Leading spaces before a quote are padding; before other text they are kept.
        let j = i;
        while (text[j] === ' ') j++;
        if (text[j] === '"') {
          i = j - 1;
          continue;
        }
      }
      if (c === delimiter) {
        cells.push(cell);
        cell = '';
        atCellStart = true;
        continue;
      }
      if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) break;
      cell += c;
      atCellStart = false;
    }
    cells.push(cell);
    const end = i;
    if (text[i] === '\r') i++;
    i++;
    line++;
    rows.push({ cells, line: startLine, text: text.slice(start, end).replace(/\r$/, '') });
  }
  return { rows, comments };
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}
