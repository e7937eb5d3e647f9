// The lifecycle webview's HTML for one request (condis/requestLifecycle): the state machine as inline SVG with the
// author's functions on its steps, and the same steps as a list with what is missing or wrong said in words. Pure:
// the panel passes a nonce and gets the page plus the places its links stand for (a link posts only an index, so
// the page can open nothing the extension did not give it). No remote content, no library, theme colours only.
import { clip, headHeight, labelLines, layout, METRICS, type Box, type Layout } from './lifecycleLayout';
import { placeLabel, type LifecycleStep, type Place, type RequestLifecycle, type StepState } from './protocol';

export interface LifecyclePage {
  html: string;
  /** What `{ type: 'open', index }` from the page opens. */
  places: Place[];
  /** What `{ type: 'doc', index }` from the page opens (https reference pages only). */
  docs: string[];
}

const STATE_WORDS: Record<StepState, string> = {
  implemented: 'yours',
  missing: 'missing',
  wrong: 'wrong',
  ndis: 'done by NDIS',
  'not-applicable': 'not used here',
};

const ACTOR_WORDS: Record<string, string> = {
  client: 'client',
  'call-manager': 'call manager',
  ndis: 'NDIS',
  miniport: 'miniport',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "CloseCall" -> "close call", for the page's title. */
export function requestWords(request: string): string {
  return request.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function renderLifecycle(lc: RequestLifecycle, nonce: string): LifecyclePage {
  const places: Place[] = [];
  const docs: string[] = [];
  const openLink = (name: string, place: Place | undefined, inSvg: boolean): string => {
    if (!place) return inSvg ? `<tspan>${escapeHtml(clip(name))}</tspan>` : `<code>${escapeHtml(name)}</code>`;
    const i = places.push(place) - 1;
    const title = escapeHtml(`${name} (${placeLabel(place)})`);
    return inSvg
      ? `<a class="fn" href="#" tabindex="0" role="link" data-open="${i}" aria-label="${title}"><title>${title}</title>`
      : `<a class="fn" href="#" data-open="${i}" title="${title}"><code>${escapeHtml(name)}</code></a>`;
  };
  const shape = layout(lc);
  const svg = drawSvg(shape, openLink);
  const list = lc.steps.map((s) => stepItem(s, openLink, (url) => docs.push(url) - 1)).join('\n');
  const what = requestWords(lc.request);
  const handler = lc.handler.place
    ? openLink(lc.handler.name, lc.handler.place, false)
    : `<code>${escapeHtml(lc.handler.name)}</code>`;
  const attention = lc.steps.filter((s) => s.state === 'missing' || s.state === 'wrong').length;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Lifecycle of ${escapeHtml(what)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<h1>The ${escapeHtml(what)} request</h1>
<p>${handler} implements <code>${escapeHtml(lc.handler.role)}</code>.
${attention === 0 ? 'Every step this driver owns is in place.' : `<strong class="attention">${attention} step${attention === 1 ? '' : 's'} need${attention === 1 ? 's' : ''} attention</strong> (marked below).`}</p>
<p class="legend"><span class="key implemented">yours</span> <span class="key missing">missing</span> <span class="key wrong">wrong</span> <span class="key ndis">NDIS or the other side</span></p>
${svg}
<h2>Steps</h2>
<ol class="steps">
${list}
</ol>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
  return { html, places, docs };
}

type LinkMaker = (name: string, place: Place | undefined, inSvg: boolean) => string;

function drawSvg(shape: Layout, link: LinkMaker): string {
  const arrows = shape.arrows.map((a) => `<path class="edge" d="${a.path}" marker-end="url(#arrowhead)"/>`
    + (a.label ? `<text class="edge-label" x="${a.lx}" y="${a.ly}">${escapeHtml(a.label)}</text>` : '')).join('\n');
  const boxes = shape.boxes.map((b) => drawBox(b, link)).join('\n');
  return `<svg class="machine" role="group" aria-label="State machine of the request" width="${shape.width}" height="${shape.height}" viewBox="0 0 ${shape.width} ${shape.height}" xmlns="http://www.w3.org/2000/svg">
<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead" d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>
${arrows}
${boxes}
</svg>`;
}

function drawBox(b: Box, link: LinkMaker): string {
  const m = METRICS;
  const s = b.step;
  const x = b.x + m.pad;
  const lines: string[] = [];
  let y = b.y + headHeight(s) + m.line - 6;
  if (s.implementedBy.length === 0) {
    lines.push(`<text class="none" x="${x}" y="${y}">${escapeHtml(clip(emptyWords(s)))}</text>`);
  }
  for (const f of s.implementedBy) {
    const opened = link(f.name, f.place, true);
    if (f.place) {
      // The link holds a focus ring (a rect, since SVG outlines are not drawn everywhere) and the name.
      lines.push(`${opened}<rect class="ring" x="${x - 4}" y="${y - 13}" width="${b.w - 2 * m.pad + 8}" height="${m.line}" rx="3"/>`
        + `<text class="fn-name" x="${x}" y="${y}">${escapeHtml(clip(f.name))}</text></a>`);
    } else {
      lines.push(`<text class="fn-name" x="${x}" y="${y}">${opened}</text>`);
    }
    y += m.line;
  }
  const tooltip = escapeHtml(`${s.label}: ${s.api} (${ACTOR_WORDS[s.actor] ?? s.actor}), ${STATE_WORDS[s.state] ?? s.state}${s.note ? `. ${s.note}` : ''}`);
  return `<g class="step ${stateClass(s.state)}" data-step="${escapeHtml(s.id)}">
<title>${tooltip}</title>
<rect class="box" x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6"/>
${labelLines(s).map((l, i) => `<text class="label" x="${x}" y="${b.y + 20 + i * m.line}">${escapeHtml(l)}</text>`).join('\n')}
<text class="state-word" x="${b.x + b.w - m.pad}" y="${b.y + headHeight(s) - 7}" text-anchor="end">${escapeHtml(markWord(s.state))}</text>
<text class="api" x="${x}" y="${b.y + headHeight(s) - 7}">${escapeHtml(clip(`${ACTOR_WORDS[s.actor] ?? s.actor} · ${s.api}`))}</text>
${lines.join('\n')}
</g>`;
}

/** The short mark in the box's corner: words for what needs attention, nothing for steps that are fine. */
function markWord(state: StepState): string {
  return state === 'missing' ? '✗ missing' : state === 'wrong' ? '! wrong' : state === 'implemented' ? '✓' : '';
}

function emptyWords(s: LifecycleStep): string {
  if (s.state === 'missing') return 'not found in this driver';
  if (s.state === 'ndis') return s.actor === 'ndis' ? 'NDIS' : `the ${ACTOR_WORDS[s.actor] ?? s.actor}`;
  if (s.state === 'not-applicable') return s.note ?? 'not used by this driver';
  return '—';
}

function stateClass(state: StepState): string {
  return Object.hasOwn(STATE_WORDS, state) ? state : 'ndis';
}

function stepItem(s: LifecycleStep, link: LinkMaker, doc: (url: string) => number): string {
  const fns = s.implementedBy.map((f) => link(f.name, f.place, false)).join(', ');
  const api = s.docUrl && /^https:\/\//.test(s.docUrl)
    ? `<a class="doc" href="#" data-doc="${doc(s.docUrl)}" title="Open the reference page"><code>${escapeHtml(s.api)}</code></a>`
    : `<code>${escapeHtml(s.api)}</code>`;
  return `<li class="step-item ${stateClass(s.state)}" data-step="${escapeHtml(s.id)}">
<span class="state-tag">${escapeHtml(STATE_WORDS[s.state] ?? s.state)}</span> <strong>${escapeHtml(s.label)}</strong>
(${escapeHtml(ACTOR_WORDS[s.actor] ?? s.actor)}, ${api})${fns ? `: ${fns}` : ''}${s.note ? `<div class="note">${escapeHtml(s.note)}</div>` : ''}
</li>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 14px 0 6px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 18px 0 6px; }
code { font-family: var(--vscode-editor-font-family); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; color: var(--vscode-textLink-activeForeground); }
a:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
.attention { color: var(--vscode-errorForeground); }
.legend .key { display: inline-block; padding: 0 6px; margin-right: 6px; border: 1px solid; border-radius: 3px; }
.key.implemented, .step-item.implemented .state-tag { border-color: var(--vscode-charts-green); }
.key.missing, .step-item.missing .state-tag { border-color: var(--vscode-errorForeground); border-style: dashed; color: var(--vscode-errorForeground); }
.key.wrong, .step-item.wrong .state-tag { border-color: var(--vscode-editorWarning-foreground); color: var(--vscode-editorWarning-foreground); }
.key.ndis, .step-item.ndis .state-tag, .step-item.not-applicable .state-tag { border-color: var(--vscode-descriptionForeground); color: var(--vscode-descriptionForeground); }
svg.machine { display: block; max-width: 100%; height: auto; font-size: 12px; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); }
.box { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-descriptionForeground); stroke-width: 1; }
.implemented .box { stroke: var(--vscode-charts-green); stroke-width: 2; }
.missing .box { stroke: var(--vscode-errorForeground); stroke-width: 2; stroke-dasharray: 6 4; }
.wrong .box { stroke: var(--vscode-editorWarning-foreground); stroke-width: 3; }
.not-applicable { opacity: 0.55; }
.label { font-weight: 600; }
.api, .none, .edge-label { fill: var(--vscode-descriptionForeground); }
.api, .fn-name { font-family: var(--vscode-editor-font-family); }
.missing .state-word, .missing .none { fill: var(--vscode-errorForeground); font-weight: 600; }
.wrong .state-word { fill: var(--vscode-editorWarning-foreground); font-weight: 600; }
.implemented .state-word { fill: var(--vscode-charts-green); }
a.fn .fn-name { fill: var(--vscode-textLink-foreground); }
a.fn .ring { fill: transparent; stroke: none; }
a.fn:hover .fn-name { text-decoration: underline; }
a.fn:focus { outline: none; }
a.fn:focus-visible .ring, a.fn:focus .ring { stroke: var(--vscode-focusBorder); stroke-width: 2; }
.edge { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.5; }
.arrowhead { fill: var(--vscode-descriptionForeground); }
.steps { padding-left: 1.6em; }
.step-item { margin: 4px 0; }
.state-tag { display: inline-block; min-width: 5.5em; padding: 0 4px; border: 1px solid; border-radius: 3px; text-align: center; }
.note { color: var(--vscode-descriptionForeground); margin: 2px 0 6px; }
.step-item.missing .note, .step-item.wrong .note { color: var(--vscode-foreground); }
`;

// Links post an index; Enter on a focused link is handled here once (preventDefault stops the click it would make).
const SCRIPT = `
const vscode = acquireVsCodeApi();
function send(el) {
  if (el.dataset.open !== undefined) vscode.postMessage({ type: 'open', index: Number(el.dataset.open) });
  else if (el.dataset.doc !== undefined) vscode.postMessage({ type: 'doc', index: Number(el.dataset.doc) });
}
document.addEventListener('click', (e) => {
  const el = e.target.closest && e.target.closest('[data-open],[data-doc]');
  if (el) { e.preventDefault(); send(el); }
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  const el = e.target.closest && e.target.closest('[data-open],[data-doc]');
  if (el) { e.preventDefault(); send(el); }
});
`;
