// news-alerts web console, "Try a rule": sends a pasted rule (or rule file) to the classifier's
// back-test through the notifier (POST api/backtest) and shows what would alert and what would stop,
// each with the terms and the sentence, paragraph or window that decided. It changes nothing.
// Story titles and text are hostile input: they reach the page only as text nodes (el() below),
// never as HTML, and links only when they are http(s).
'use strict';

(() => {
  const TOKEN_KEY = 'news-alerts.notifier.api-token'; // the same token as the console's main page
  const $ = (id) => document.getElementById(id);

  // ---- DOM helpers: every string becomes a text node --------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'href') throw new Error('use link() for links');
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** A link that opens elsewhere, only for http(s) URLs; plain text otherwise. */
  function link(url, ...children) {
    let href = null;
    try {
      const parsed = new URL(String(url));
      href = parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      href = null;
    }
    if (!href) return el('span', {}, ...children);
    const a = el('a', { target: '_blank', rel: 'noopener noreferrer' }, ...children);
    a.href = href;
    return a;
  }

  /** Text with the marks' [start, end) ranges (offsets in the text) as mark elements. */
  function marked(text, marks) {
    const value = String(text || '');
    const valid = (marks || []).filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end)
      && m.start >= 0 && m.end <= value.length && m.start < m.end).sort((a, b) => a.start - b.start);
    const parts = [];
    let at = 0;
    for (const mark of valid) {
      if (mark.start < at) continue; // overlapping terms (OpenAI, OpenAI Foundation): the first one shows
      parts.push(value.slice(at, mark.start));
      parts.push(el('mark', { title: `term ${mark.term} (group ${mark.group})` }, value.slice(mark.start, mark.end)));
      at = mark.end;
    }
    parts.push(value.slice(at));
    return parts;
  }

  function status(text, kind) {
    const node = $('run-status');
    node.textContent = text || '';
    node.className = 'section-status' + (kind ? ` status-${kind}` : '');
  }

  // ---- the API token ---------------------------------------------------------------------

  const token = () => sessionStorage.getItem(TOKEN_KEY);

  function showTokenState() {
    const hasToken = Boolean(token());
    $('token-form').hidden = hasToken;
    $('token-bar').hidden = !hasToken;
  }

  // ---- the back-test ---------------------------------------------------------------------

  async function backtest() {
    if (!token()) {
      showTokenState();
      status('Enter the API token first: a back-test needs it.', 'error');
      $('token-input').focus();
      return;
    }
    const last = Number($('last').value);
    if (!Number.isInteger(last) || last < 1 || last > 50000) {
      status('Last: a whole number of stories from 1 to 50,000.', 'error');
      return;
    }
    status(`Back-testing over the last ${last} stories…`);
    $('run').disabled = true;
    try {
      const response = await fetch(`api/backtest?last=${last}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml', Accept: 'application/json', Authorization: `Bearer ${token()}` },
        body: $('candidate').value,
        cache: 'no-store',
        credentials: 'same-origin',
      });
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      const why = body && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
      if (response.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        showTokenState();
        status(`The token was refused: ${why}`, 'error');
      } else if (response.status === 400) {
        status(`The candidate is not valid: ${why}`, 'error');
      } else if (!response.ok || !body) {
        status(`The back-test could not run: ${why}`, 'error');
      } else {
        status('');
        showReport(body);
      }
    } catch (e) {
      status('The notifier is unreachable.', 'error');
    } finally {
      $('run').disabled = false;
    }
  }

  function showReport(report) {
    const alone = Array.isArray(report.candidateRules);
    $('results-scope').textContent = alone
      ? `of ${report.candidateRules.join(', ')} against the same rule${report.candidateRules.length === 1 ? '' : 's'} in force`
      : 'of the rule file against the rules in force';
    $('summary').replaceChildren(el('div', { class: 'counts' },
      count('stories scanned', report.storiesScanned),
      count('alert now', report.alertsInForce),
      count('would alert', report.alertsCandidate),
      el('span', { class: 'muted small' }, `rules in force ${report.rulesInForce}, candidate ${report.candidateVersion}`)));
    $('results').replaceChildren(
      outcomeList('started', 'Would start alerting', report.added, 'now'),
      outcomeList('stopped', 'Would stop alerting', report.removed, 'stop'),
      outcomeList('changed', 'Changes rules', report.changed, 'change'),
      outcomeList('would-alert', 'Would alert', report.wouldAlert, 'alert'));
  }

  function count(label, value) {
    return el('span', { class: 'count' }, el('strong', {}, value ?? '—'), ` ${label}`);
  }

  function outcomeList(id, heading, outcomes, kind) {
    const list = outcomes || [];
    return el('div', { class: 'outcomes', id },
      el('h3', {}, heading, ' ', el('span', { class: 'muted' }, `(${list.length}${list.length >= 500 ? ', the first 500' : ''})`)),
      list.length ? list.map((outcome) => outcomeItem(outcome, kind)) : el('p', { class: 'muted small' }, 'none'));
  }

  function outcomeItem(outcome, kind) {
    const rules = (ids) => (ids && ids.length ? ids.join(', ') : 'no alert');
    const changes = (outcome.whyBefore || []).length > 0;
    return el('article', { class: 'outcome', 'data-story-id': outcome.storyId },
      el('h4', { class: 'alert-title' }, link(outcome.link, outcome.title || '(no title)')),
      el('div', { class: 'meta' }, el('span', { class: 'rule-change' },
        el('span', { title: 'rules in force' }, rules(outcome.before)), ' → ',
        el('span', { title: 'candidate' }, rules(outcome.after)))),
      kind === 'stop' || (changes && kind !== 'alert')
        ? whyBlock(changes ? 'Why it alerts now' : null, outcome.whyBefore) : null,
      (outcome.why || []).length ? whyBlock(kind === 'change' ? 'Why with the candidate' : null, outcome.why) : null);
  }

  function whyBlock(label, explanations) {
    return el('div', { class: 'why' },
      label ? el('div', { class: 'why-label' }, label) : null,
      (explanations || []).map(explanation));
  }

  const SCOPE_WORDS = {
    sentence: 'in one sentence',
    paragraph: 'in one paragraph',
    near: 'within the near window',
    story: 'anywhere in its fields',
  };

  function explanation(why) {
    const score = typeof why.score === 'number' ? why.score.toFixed(2) : '?';
    const passage = why.passage ? [why.passage] : [];
    return el('div', { class: 'explanation', 'data-rule-id': why.ruleId },
      el('div', {},
        el('span', { class: 'rule' }, why.ruleTitle || why.ruleId), ' ', el('code', { class: 'rule-id' }, why.ruleId),
        ' ', el('span', { class: 'score' }, `score ${score}`),
        ' ', el('span', { class: 'badge badge-muted scope' }, SCOPE_WORDS[why.scope] || String(why.scope))),
      passage.map((p) => excerptBlock(p, 'passage')),
      (why.excerpts || []).map((p) => excerptBlock(p, 'excerpt')),
      el('div', { class: 'terms' }, (why.terms || []).map((term) => el('span', { class: 'term', title: `term ${term.term}` },
        el('q', {}, term.text),
        String(term.text).toLowerCase() === String(term.term).toLowerCase() ? null : ` (${term.term})`,
        el('span', { class: 'muted' }, ` · ${term.group} · ${term.field}`)))));
  }

  function excerptBlock(excerpt, kind) {
    return el('blockquote', { class: kind, title: kind === 'passage' ? `the ${excerpt.field}'s part where the rule held` : null },
      el('span', { class: 'muted small field' }, `${excerpt.field}: `),
      excerpt.start > 0 ? '…' : null,
      marked(excerpt.text, excerpt.marks),
      excerpt.toEnd === false ? '…' : null);
  }

  // ---- wiring ----------------------------------------------------------------------------

  $('try-form').addEventListener('submit', (event) => {
    event.preventDefault();
    backtest();
  });
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('token-input').value.trim();
    $('token-input').value = '';
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    showTokenState();
    status(value ? 'Token set: press Back-test.' : '');
  });
  $('forget-token').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState();
  });
  showTokenState();
})();
