import { tokenize, type Token } from './pattern-lexer.ts';

/** A literal on the right of a comparison. */
export type PatternLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'timestamp' | 'hex' | 'binary'; value: string }
  | { kind: 'set'; items: PatternLiteral[] };

/** `type:path op literal`; path components are property names or list indexes ('*' for any). */
export interface Comparison {
  kind: 'comparison';
  objectType: string;
  path: Array<string | number | '*'>;
  operator: string;
  negated: boolean;
  literal: PatternLiteral | null;
}

/** Comparison expression tree (inside one `[...]`). */
export type ComparisonExpr = Comparison | { kind: 'and' | 'or'; left: ComparisonExpr; right: ComparisonExpr };

/** Observation expression tree (the `[...]` parts joined by AND/OR/FOLLOWEDBY, with qualifiers). */
export type ObservationExpr =
  | { kind: 'observation'; comparison: ComparisonExpr; qualifiers: string[] }
  | { kind: 'and' | 'or' | 'followedby'; left: ObservationExpr; right: ObservationExpr; qualifiers: string[] };

/** Outcome of parsing: the tree, or a message saying what is wrong and where. */
export type ParsedPattern = { ok: true; tree: ObservationExpr } | { ok: false; error: string };

const COMPARE_OPS = new Set(['=', '==', '!=', '<>', '<', '>', '<=', '>=']);
const WORD_OPS = new Set(['IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);

/** Parse a STIX 2.1 pattern (grammar STIXPattern.g4): never throws, malformed input gives a message. */
export function parsePattern(source: string): ParsedPattern {
  try {
    const p = new Parser(tokenize(source));
    const tree = p.observations();
    p.expectEnd();
    return { ok: true, tree };
  } catch (e) {
    return { ok: false, error: `malformed STIX pattern: ${(e as Error).message}` };
  }
}

class Parser {
  private i = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) { this.tokens = tokens; }

  private get t(): Token { return this.tokens[this.i]!; }
  private isWord(w: string): boolean { return this.t.kind === 'word' && this.t.text.toUpperCase() === w; }
  private fail(what: string): never { throw new Error(`expected ${what} at offset ${this.t.pos}, found ${this.t.kind === 'end' ? 'end of pattern' : JSON.stringify(this.t.text)}`); }
  private eat(text: string): void { if (this.t.text !== text) this.fail(`"${text}"`); this.i++; }

  expectEnd(): void { if (this.t.kind !== 'end') this.fail('end of pattern'); }

  observations(): ObservationExpr { return this.binaryObs('FOLLOWEDBY', () => this.binaryObs('OR', () => this.binaryObs('AND', () => this.observation()))); }

  private binaryObs(word: string, next: () => ObservationExpr): ObservationExpr {
    let left = next();
    while (this.isWord(word)) {
      this.i++;
      left = { kind: word.toLowerCase() as 'and' | 'or' | 'followedby', left, right: next(), qualifiers: [] };
    }
    return left;
  }

  private observation(): ObservationExpr {
    let expr: ObservationExpr;
    if (this.t.text === '[') {
      this.i++;
      expr = { kind: 'observation', comparison: this.comparisonOr(), qualifiers: [] };
      this.eat(']');
    } else if (this.t.text === '(') {
      this.i++;
      expr = this.observations();
      this.eat(')');
    } else this.fail('"[" or "("');
    for (;;) {
      if (this.isWord('WITHIN')) { this.i++; this.number(); if (!this.isWord('SECONDS')) this.fail('SECONDS'); this.i++; expr.qualifiers.push('within'); }
      else if (this.isWord('REPEATS')) { this.i++; this.number(); if (!this.isWord('TIMES')) this.fail('TIMES'); this.i++; expr.qualifiers.push('repeats'); }
      else if (this.isWord('START')) { this.i++; this.timestamp(); if (!this.isWord('STOP')) this.fail('STOP'); this.i++; this.timestamp(); expr.qualifiers.push('start-stop'); }
      else return expr;
    }
  }

  private number(): void { if (this.t.kind !== 'number') this.fail('a number'); this.i++; }
  private timestamp(): void { if (this.t.kind !== 'typed' || this.t.prefix !== 't') this.fail("a timestamp t'…'"); this.i++; }

  private comparisonOr(): ComparisonExpr {
    let left = this.comparisonAnd();
    while (this.isWord('OR')) { this.i++; left = { kind: 'or', left, right: this.comparisonAnd() }; }
    return left;
  }

  private comparisonAnd(): ComparisonExpr {
    let left = this.propTest();
    while (this.isWord('AND')) { this.i++; left = { kind: 'and', left, right: this.propTest() }; }
    return left;
  }

  private propTest(): ComparisonExpr {
    if (this.t.text === '(') { this.i++; const e = this.comparisonOr(); this.eat(')'); return e; }
    if (this.isWord('EXISTS')) { this.i++; return { ...this.objectPath(), operator: 'EXISTS', negated: false, literal: null }; }
    const path = this.objectPath();
    const negated = this.isWord('NOT');
    if (negated) this.i++;
    const op = this.t.kind === 'op' && COMPARE_OPS.has(this.t.text) ? this.t.text : this.t.kind === 'word' && WORD_OPS.has(this.t.text.toUpperCase()) ? this.t.text.toUpperCase() : this.fail('a comparison operator');
    this.i++;
    const literal = op === 'IN' ? this.set() : this.literal();
    if (['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'].includes(op) && literal.kind !== 'string') this.fail(`a string after ${op}`);
    return { ...path, operator: op === '==' ? '=' : op === '<>' ? '!=' : op, negated, literal };
  }

  private objectPath(): Pick<Comparison, 'kind' | 'objectType' | 'path'> {
    if (this.t.kind !== 'word') this.fail('an object type such as ipv4-addr');
    const objectType = this.t.text;
    this.i++;
    this.eat(':');
    const path: Comparison['path'] = [this.pathName()];
    for (;;) {
      if (this.t.text === '.') { this.i++; path.push(this.pathName()); }
      else if (this.t.text === '[' ) {
        this.i++;
        const index = this.t;
        if (index.text === '*') path.push('*');
        else if (index.kind === 'number' && /^-?\d+$/.test(index.text)) path.push(Number(index.text));
        else this.fail('a list index or *');
        this.i++;
        this.eat(']');
      } else return { kind: 'comparison', objectType, path };
    }
  }

  private pathName(): string {
    if (this.t.kind !== 'word' && this.t.kind !== 'string') this.fail('a property name');
    const name = this.t.value;
    this.i++;
    return name;
  }

  private set(): PatternLiteral {
    this.eat('(');
    const items = [this.literal()];
    while (this.t.text === ',') { this.i++; items.push(this.literal()); }
    this.eat(')');
    return { kind: 'set', items };
  }

  private literal(): PatternLiteral {
    const t = this.t;
    this.i++;
    if (t.kind === 'string') return { kind: 'string', value: t.value };
    if (t.kind === 'number') return { kind: 'number', value: Number(t.text) };
    if (t.kind === 'typed') return { kind: t.prefix === 't' ? 'timestamp' : t.prefix === 'h' ? 'hex' : 'binary', value: t.value };
    if (t.kind === 'word' && /^(true|false)$/i.test(t.text)) return { kind: 'bool', value: t.text.toLowerCase() === 'true' };
    this.i--;
    return this.fail('a literal value');
  }
}
