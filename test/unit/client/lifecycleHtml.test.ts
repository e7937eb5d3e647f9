// The lifecycle webview's page (client/src/lifecycleHtml.ts) on hand-written condis/requestLifecycle answers: the
// author's names on their steps as links to their places, missing and wrong steps marked in words and colour, every
// name escaped, and the page locked down (CSP with a nonce, nothing remote).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderLifecycle, requestWords } from '../../../client/src/lifecycleHtml';
import { labelLines, layout, METRICS } from '../../../client/src/lifecycleLayout';
import { at, closeCall } from './lifecycleFixtures';

const NONCE = 'bm9uY2Utb2YtdGhlLXRlc3Q=';

/** The text of the page without its tags, style and script: what a reader sees. */
function visibleText(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('lifecycle page', () => {
  test('puts the author\'s functions on their steps as links to their places, in the picture and in the list', () => {
    const page = renderLifecycle(closeCall(), NONCE);
    for (const name of ['CmCloseCall', 'CmCloseCallWorker', 'CmDeactivateVcComplete']) {
      assert.match(page.html, new RegExp(`<a class="fn" href="#" tabindex="0" role="link" data-open="\\d+"[^>]*>[\\s\\S]*?>${name}</text></a>`), `${name} is a link in the picture`);
      assert.match(page.html, new RegExp(`<a class="fn" href="#" data-open="\\d+"[^>]*><code>${name}</code></a>`), `${name} is a link in the list`);
    }
    const worker = /data-open="(\d+)"[^>]*><code>CmCloseCallWorker</.exec(page.html);
    assert.ok(worker);
    assert.deepEqual(page.places[Number(worker[1])], at('callManager.c', 167, 4), 'the link stands for the completion call\'s place');
    assert.ok(page.places.every((p) => p.uri.startsWith('file:///w/cm/')));
  });

  test('marks a missing step in words and with its own class (colour), and only that step', () => {
    const page = renderLifecycle(closeCall(), NONCE);
    assert.equal(page.html.match(/<g class="step missing"/g)?.length, 1, 'one missing box in the picture');
    assert.equal(page.html.match(/<li class="step-item missing"/g)?.length, 1, 'one missing step in the list');
    assert.match(page.html, /<g class="step missing" data-step="delete">[\s\S]*?✗ missing/);
    assert.match(page.html, /<li class="step-item missing" data-step="delete">\s*<span class="state-tag">missing<\/span>/);
    assert.match(visibleText(page.html), /1 step needs attention/);
    assert.match(page.html, /\.missing \.box \{[^}]*var\(--vscode-errorForeground\)/, 'a missing box is drawn in the theme\'s error colour');
    assert.match(page.html, /<g class="step implemented" data-step="handler">/);
  });

  test('marks a wrong step, and says nothing needs attention when every step is in place', () => {
    const lc = closeCall();
    lc.steps[1] = { ...lc.steps[1], state: 'wrong', note: 'Returns NDIS_STATUS_PENDING after completing.' };
    const wrong = renderLifecycle(lc, NONCE).html;
    assert.match(wrong, /<g class="step wrong" data-step="handler">[\s\S]*?! wrong/);
    assert.match(visibleText(wrong), /2 steps need attention/);
    assert.match(visibleText(wrong), /Returns NDIS_STATUS_PENDING after completing\./);
    const fine = closeCall();
    fine.steps = fine.steps.filter((s) => s.state !== 'missing');
    const text = visibleText(renderLifecycle(fine, NONCE).html);
    assert.match(text, /Every step this driver owns is in place/);
    assert.doesNotMatch(text, /attention/);
  });

  test('escapes every name and note it draws', () => {
    const lc = closeCall({ handler: { name: 'Cm<script>alert(1)</script>', role: 'PROTOCOL_"CM"', place: at('a.c', 1) } });
    lc.steps[2] = { ...lc.steps[2], label: 'Close & <b>done</b>', implementedBy: [{ name: '<img src=x onerror=alert(1)>', place: at('a.c', 2) }],
      note: '\'quoted\' "note"' };
    lc.edges[1] = { ...lc.edges[1], label: '<i>pending</i>' };
    const { html } = renderLifecycle(lc, NONCE);
    assert.doesNotMatch(html, /<script>alert|<img|<b>done|<i>pending/);
    assert.ok(html.includes(escapeHtml('Cm<script>alert(1)</script>')));
    assert.ok(html.includes('Close &#38; &#60;b&#62;done&#60;/b&#62;'));
    assert.ok(html.includes('&#39;quoted&#39; &#34;note&#34;'));
    assert.equal(html.match(/<script/g)?.length, 1, 'the page\'s own script is the only one');
  });

  test('has a CSP that allows only its own nonce-tagged style and script, and loads nothing', () => {
    const { html, docs } = renderLifecycle(closeCall(), NONCE);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${NONCE}'`));
    assert.match(csp, new RegExp(`style-src 'nonce-${NONCE}'`));
    assert.doesNotMatch(csp, /unsafe|https?:|\*/);
    for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${NONCE}"`), `${tag} carries the nonce`);
    assert.doesNotMatch(html, /\ssrc=|\sstyle="|href="(?!#")|@import|url\((?!#arrowhead\))/, 'no resource, inline style attribute or external link');
    // The reference page is opened by the extension from an index: its address is not in the page.
    assert.deepEqual(docs, ['https://learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nc-ndis-protocol_cm_close_call']);
    assert.ok(!html.includes('learn.microsoft.com'));
    assert.match(html, /data-doc="0"/);
  });

  test('uses only theme colours and shows keyboard focus on its links', () => {
    const { html } = renderLifecycle(closeCall(), NONCE);
    const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    assert.doesNotMatch(style, /#[0-9a-f]{3,6}\b|rgb\(|hsl\(/i, 'no fixed colour');
    assert.match(style, /a\.fn:focus-visible \.ring[^{]*\{[^}]*var\(--vscode-focusBorder\)/);
    assert.match(style, /a:focus-visible \{[^}]*outline: 2px solid var\(--vscode-focusBorder\)/);
  });

  test('offers no doc link for an address that is not https', () => {
    const lc = closeCall();
    lc.steps[1] = { ...lc.steps[1], docUrl: 'javascript:alert(1)' };
    const { html, docs } = renderLifecycle(lc, NONCE);
    assert.deepEqual(docs, []);
    assert.ok(!html.includes('javascript:'));
  });

  test('names the request in words', () => {
    assert.equal(requestWords('CloseCall'), 'close call');
    assert.equal(requestWords('AddPartyToMultipointCall'), 'add party to multipoint call');
  });
});

describe('lifecycle picture layout', () => {
  test('puts each step below the steps that lead to it, and a step two ways reach below both', () => {
    const { boxes } = layout(closeCall());
    const rank = Object.fromEntries(boxes.map((b) => [b.step.id, b.rank]));
    assert.deepEqual(rank, { request: 0, handler: 1, complete: 2, notify: 3, delete: 4 });
    for (const b of boxes) for (const c of boxes) {
      if (b !== c && b.rank === c.rank) assert.ok(b.x + b.w <= c.x || c.x + c.w <= b.x, 'boxes of one row do not overlap');
      if (b.rank < c.rank) assert.ok(b.y + b.h < c.y, 'a later row is lower');
    }
  });

  test('draws an edge that goes back (a retry) on the side, without pushing the rows down', () => {
    const lc = closeCall();
    lc.edges.push({ from: 'complete', to: 'handler', label: 'retry' });
    const { boxes, arrows } = layout(lc);
    assert.deepEqual(boxes.map((b) => b.rank), [0, 1, 2, 3, 4]);
    const back = arrows.find((a) => a.label === 'retry');
    assert.ok(back && back.lx > back.from.x + back.from.w, 'the back edge runs right of the boxes');
  });

  test('terminates on a cycle with no way in, ignores edges to unknown steps and sizes boxes to their longest name', () => {
    const lc = closeCall({ edges: [{ from: 'a', to: 'b' }, { from: 'request', to: 'nowhere' }] });
    lc.steps = [
      { id: 'a', label: 'A', actor: 'ndis', api: 'X', implementedBy: [], state: 'ndis' },
      { id: 'b', label: 'B', actor: 'ndis', api: 'Y', implementedBy: [{ name: 'F'.repeat(40) }], state: 'implemented' },
    ];
    lc.edges.push({ from: 'b', to: 'a' });
    const { boxes, boxWidth } = layout(lc);
    assert.deepEqual(boxes.map((b) => b.rank), [0, 1]);
    assert.ok(boxWidth >= 40 * 7, `the box is wide enough for a 40-character name (${boxWidth})`);
    const empty = layout(closeCall({ steps: [], edges: [] }));
    assert.equal(empty.boxes.length, 0);
  });

  test('wraps a long step label on two lines of whole words, and cuts a third', () => {
    const step = { id: 's', label: 'the handler returns NDIS_STATUS_PENDING and finishes later', actor: 'call-manager' as const, api: 'NDIS_STATUS_PENDING', implementedBy: [], state: 'implemented' as const };
    const two = labelLines(step);
    assert.deepEqual(two, ['the handler returns NDIS_STATUS_PENDING', 'and finishes later']);
    assert.equal(two.join(' '), step.label, 'nothing is lost');
    assert.ok(two.every((l) => l.length <= METRICS.labelChars || !l.includes(' ')), `${JSON.stringify(two)} fit`);
    const three = labelLines({ ...step, label: `${step.label} ${step.label} ${step.label}` });
    assert.equal(three.length, 2);
    assert.ok(three[1].endsWith('…'));
    assert.deepEqual(labelLines({ ...step, label: 'Close' }), ['Close']);
  });

  test('cuts a name longer than a box holds in the picture, and keeps it whole in the list', () => {
    const long = `Cm${'VeryLong'.repeat(10)}Worker`;
    const lc = closeCall();
    lc.steps[2] = { ...lc.steps[2], implementedBy: [{ name: long, place: at('a.c', 3) }] };
    const { html } = renderLifecycle(lc, NONCE);
    assert.ok(html.includes(`<code>${long}</code>`), 'whole in the list');
    assert.match(html, /class="fn-name"[^>]*>CmVeryLong[A-Za-z]*…<\/text>/, 'cut in the picture');
  });
});
