// The contributed snippets (snippets/c.json) as completion items, for clients that do not read VS Code snippet files.
// Also the one expander of VS Code / LSP snippet syntax to default text, for clients without snippet support.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import snippetFile from '../../../snippets/c.json';

/** One entry of a VS Code snippet file. */
export interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

export type SnippetFile = Record<string, SnippetDefinition>;

export interface Snippet {
  /** The entry's key: the name VS Code's "Insert Snippet" picker shows. */
  name: string;
  prefixes: string[];
  description: string;
  /** The body in snippet syntax, lines joined with '\n'. */
  body: string;
}

export function readSnippets(file: SnippetFile): Snippet[] {
  return Object.entries(file).map(([name, d]) => ({
    name,
    prefixes: Array.isArray(d.prefix) ? d.prefix : [d.prefix],
    description: d.description ?? '',
    body: Array.isArray(d.body) ? d.body.join('\n') : d.body,
  }));
}

/** The CoNDIS snippets, bundled with the server from the same file the VS Code extension contributes. */
export const CONDIS_SNIPPETS: readonly Snippet[] = readSnippets(snippetFile);

/** What the client can take: snippet syntax in completion items, Markdown in documentation. */
export interface SnippetClient {
  snippets: boolean;
  markdown: boolean;
}

/**
 * One Snippet item per prefix. Clients with snippet support get the body (tab stops, choices); others get the
 * default expansion as plain text. The documentation shows the default expansion either way.
 */
export function snippetCompletionItems(snippets: readonly Snippet[], client: SnippetClient): CompletionItem[] {
  return snippets.flatMap((s) => {
    const text = expandSnippet(s.body);
    return s.prefixes.map((prefix): CompletionItem => ({
      label: prefix,
      kind: CompletionItemKind.Snippet,
      detail: s.description,
      documentation: client.markdown ? { kind: MarkupKind.Markdown, value: '```c\n' + text + '\n```' } : text,
      filterText: prefix,
      insertText: client.snippets ? s.body : text,
      insertTextFormat: client.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.adjustIndentation,
    }));
  });
}

// ---- Snippet syntax (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar, the LSP's too) ----

interface Transform { re: RegExp; format: FormatPart[] }
type FormatPart = string | { group: number; op?: string; ifText?: string; elseText?: string };
type SnippetNode =
  | { t: 'text'; value: string }
  | { t: 'tabstop'; index: number; transform?: Transform }
  | { t: 'placeholder'; index: number; children: SnippetNode[] }
  | { t: 'choice'; index: number; options: string[] }
  | { t: 'variable'; name: string; children?: SnippetNode[]; transform?: Transform };

export interface ExpandOptions {
  /** Values of variables such as TM_FILENAME_BASE; an unknown variable without a default expands to its name. */
  variables?: Record<string, string>;
  /** Picks a choice's option; the first by default (what VS Code preselects). */
  choose?: (options: string[], index: number) => string;
}

/**
 * The text a snippet inserts when every placeholder keeps its default: choices take their first option, mirrors
 * repeat their placeholder, `$0` and bare tab stops are empty. Text that is not valid snippet syntax stays literal.
 */
export function expandSnippet(body: string, opts: ExpandOptions = {}): string {
  const nodes = parseSnippet(body);
  const defining = new Map<number, SnippetNode>();
  const find = (ns: SnippetNode[]): void => {
    for (const n of ns) {
      if ((n.t === 'placeholder' || n.t === 'choice') && !defining.has(n.index)) defining.set(n.index, n);
      if (n.t === 'placeholder') find(n.children);
      else if (n.t === 'variable' && n.children) find(n.children);
    }
  };
  find(nodes);
  const values = new Map<number, string>();
  const busy = new Set<number>();
  const value = (index: number): string => {
    const known = values.get(index);
    if (known !== undefined) return known;
    const def = defining.get(index);
    if (!def || busy.has(index)) return '';
    busy.add(index);
    const v = def.t === 'choice' ? (opts.choose ?? ((o) => o[0]))(def.options, index) : def.t === 'placeholder' ? render(def.children) : '';
    busy.delete(index);
    values.set(index, v);
    return v;
  };
  const render = (ns: SnippetNode[]): string => ns.map((n) => {
    switch (n.t) {
      case 'text': return n.value;
      case 'tabstop': return applyTransform(n.index === 0 ? '' : value(n.index), n.transform);
      case 'placeholder': case 'choice': return value(n.index);
      case 'variable': {
        const v = opts.variables?.[n.name];
        if (v !== undefined) return applyTransform(v, n.transform);
        return n.children ? render(n.children) : n.name;
      }
    }
  }).join('');
  return render(nodes);
}

/** Parses snippet syntax; never throws: a `$` that starts nothing valid is literal text, as in VS Code. */
function parseSnippet(body: string): SnippetNode[] {
  const st = { s: body, p: 0 };
  return parseNodes(st, false);
}

const INT = /\d+/y;
const NAME = /[_a-zA-Z][_a-zA-Z0-9]*/y;

function sticky(re: RegExp, s: string, p: number): string | null {
  re.lastIndex = p;
  const m = re.exec(s);
  return m ? m[0] : null;
}

function parseNodes(st: { s: string; p: number }, nested: boolean): SnippetNode[] {
  const out: SnippetNode[] = [];
  let text = '';
  const flush = () => { if (text) out.push({ t: 'text', value: text }); text = ''; };
  while (st.p < st.s.length) {
    const c = st.s[st.p];
    if (c === '\\' && '$}\\'.includes(st.s[st.p + 1] ?? '')) { text += st.s[st.p + 1]; st.p += 2; continue; }
    if (c === '}' && nested) break;
    if (c === '$') {
      const start = st.p;
      const node = parseDollar(st);
      if (node) { flush(); out.push(node); continue; }
      st.p = start + 1;
    } else {
      st.p++;
    }
    text += c;
  }
  flush();
  return out;
}

function parseDollar(st: { s: string; p: number }): SnippetNode | null {
  const s = st.s;
  let p = st.p + 1;
  const bareInt = sticky(INT, s, p);
  if (bareInt !== null) { st.p = p + bareInt.length; return { t: 'tabstop', index: Number(bareInt) }; }
  const bareName = sticky(NAME, s, p);
  if (bareName !== null) { st.p = p + bareName.length; return { t: 'variable', name: bareName }; }
  if (s[p] !== '{') return null;
  p++;
  const int = sticky(INT, s, p);
  const name = int === null ? sticky(NAME, s, p) : null;
  if (int === null && name === null) return null;
  p += (int ?? name)!.length;
  if (s[p] === '}') {
    st.p = p + 1;
    return int !== null ? { t: 'tabstop', index: Number(int) } : { t: 'variable', name: name! };
  }
  if (s[p] === ':') {
    st.p = p + 1;
    const children = parseNodes(st, true);
    if (s[st.p] !== '}') return null;
    st.p++;
    return int !== null ? { t: 'placeholder', index: Number(int), children } : { t: 'variable', name: name!, children };
  }
  if (s[p] === '|' && int !== null) {
    const choice = parseChoice(s, p + 1);
    if (!choice) return null;
    st.p = choice.end;
    return { t: 'choice', index: Number(int), options: choice.options };
  }
  if (s[p] === '/') {
    const tr = parseTransform(s, p + 1);
    if (!tr) return null;
    st.p = tr.end;
    return int !== null ? { t: 'tabstop', index: Number(int), transform: tr.transform } : { t: 'variable', name: name!, transform: tr.transform };
  }
  return null;
}

function parseChoice(s: string, p: number): { options: string[]; end: number } | null {
  const options: string[] = [];
  let cur = '';
  while (p < s.length) {
    const c = s[p];
    if (c === '\\' && ',|$}\\'.includes(s[p + 1] ?? '')) { cur += s[p + 1]; p += 2; continue; }
    if (c === ',') { options.push(cur); cur = ''; p++; continue; }
    if (c === '|') return s[p + 1] === '}' ? { options: [...options, cur], end: p + 2 } : null;
    cur += c;
    p++;
  }
  return null;
}

/**
 * Reads up to an unescaped `stop`; `\stop` is an escape, other backslashes are kept (for the RegExp or the format).
 * In a format, `${...}` groups are copied whole, since `${1:/upcase}` holds a `/`.
 */
function readUntil(s: string, p: number, stop: string, format = false): { text: string; end: number } | null {
  let text = '';
  while (p < s.length) {
    if (s[p] === '\\' && s[p + 1] === stop) { text += stop; p += 2; continue; }
    if (format && s[p] === '$' && s[p + 1] === '{') {
      const close = s.indexOf('}', p);
      if (close < 0) return null;
      text += s.slice(p, close + 1);
      p = close + 1;
      continue;
    }
    if (s[p] === stop) return { text, end: p + 1 };
    text += s[p++];
  }
  return null;
}

function parseTransform(s: string, p: number): { transform: Transform; end: number } | null {
  const re = readUntil(s, p, '/');
  const fmt = re && readUntil(s, re.end, '/', true);
  const flags = fmt && readUntil(s, fmt.end, '}');
  if (!re || !fmt || !flags) return null;
  try {
    return { transform: { re: new RegExp(re.text, flags.text), format: parseFormat(fmt.text) }, end: flags.end };
  } catch {
    return null;
  }
}

const FORMAT = /\$(\d+)|\$\{(\d+)(?::(?:\/(\w+)|\+([^}]*)|\?([^:}]*):([^}]*)|-?([^}]*)))?\}|\\([$\\/])/g;

function parseFormat(f: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let last = 0;
  for (const m of f.matchAll(FORMAT)) {
    if (m.index > last) parts.push(f.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[8] !== undefined) { parts.push(m[8]); continue; }
    const group = Number(m[1] ?? m[2]);
    if (m[3] !== undefined) parts.push({ group, op: m[3] });
    else if (m[4] !== undefined) parts.push({ group, ifText: m[4] });
    else if (m[5] !== undefined) parts.push({ group, ifText: m[5], elseText: m[6] });
    else if (m[7] !== undefined) parts.push({ group, elseText: m[7] });
    else parts.push({ group });
  }
  if (last < f.length) parts.push(f.slice(last));
  return parts;
}

const CASE_OPS: Record<string, (v: string) => string> = {
  upcase: (v) => v.toUpperCase(),
  downcase: (v) => v.toLowerCase(),
  capitalize: (v) => v.charAt(0).toUpperCase() + v.slice(1),
  camelcase: (v) => v.replace(/[-_\s]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toLowerCase()),
  pascalcase: (v) => v.replace(/(?:^|[-_\s]+)(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()),
};

function applyTransform(value: string, tr: Transform | undefined): string {
  if (!tr) return value;
  return value.replace(tr.re, (...args: unknown[]) => {
    // (match, ...captures, offset, string[, namedGroups]): the captures end where the numeric offset starts.
    const groups = args.slice(0, args.findIndex((a, i) => i > 0 && typeof a === 'number')) as (string | undefined)[];
    return tr.format.map((part) => {
      if (typeof part === 'string') return part;
      const g = groups[part.group] ?? '';
      if (part.op) return (CASE_OPS[part.op] ?? ((v: string) => v))(g);
      if (part.ifText !== undefined) return g ? part.ifText : (part.elseText ?? '');
      if (part.elseText !== undefined) return g || part.elseText;
      return g;
    }).join('');
  });
}
