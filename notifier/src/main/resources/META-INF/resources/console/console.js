// news-alerts web console: reads the notifier's APIs every few seconds and shows them.
// Story text, feed errors and subscription fields are hostile input: they reach the page only as
// text nodes (el() below, textContent), never as HTML, and links only when they are http(s).
'use strict';

(() => {
  const REFRESH_MS = 5000;
  const TOKEN_KEY = 'news-alerts.notifier.api-token';
  const $ = (id) => document.getElementById(id);
  const lastRendered = {};
  let busy = false;
  let again = false;

  // ---- DOM helpers: every string becomes a text node --------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'onclick') node.addEventListener('click', value);
      else if (name === 'href') throw new Error('use link() for links');
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(readable(String(child))));
    }
    return node;
  }

  /** Text as people should read it: bidi overrides in a story (U+202E shows it backwards) are dropped. */
  function readable(text) {
    return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
  }

  /** A link that opens elsewhere, only for http(s) URLs; plain text otherwise. */
  function link(url, ...children) {
    const href = safeUrl(url);
    if (!href) return el('span', {}, ...children);
    const a = el('a', { target: '_blank', rel: 'noopener noreferrer' }, ...children);
    a.href = href;
    return a;
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(String(url));
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  const folded = (text) => String(text).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

  /** Whether matched text is a rule's term: case and width aside; a term ending in * is a prefix. */
  function sameWords(text, term) {
    const [matched, wanted] = [folded(text), folded(term)];
    return wanted.endsWith('*') ? wanted.length > 1 && matched.startsWith(wanted.slice(0, -1)) : matched === wanted;
  }

  /**
   * Text with the matched terms' [start, end) ranges marked. A range is marked only where the text
   * there is the term (case and width aside): a mark on other words would mislead.
   */
  function highlighted(text, ranges) {
    const value = String(text || '');
    const valid = ranges.filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end)
      && r.start >= 0 && r.end <= value.length && r.start < r.end
      && sameWords(value.slice(r.start, r.end), r.term || ''))
      .sort((a, b) => a.start - b.start);
    const parts = [];
    let at = 0;
    for (const range of valid) {
      if (range.start < at) continue;
      parts.push(value.slice(at, range.start));
      parts.push(el('mark', { title: range.term ? 'rule term: ' + range.term : null }, value.slice(range.start, range.end)));
      at = range.end;
    }
    parts.push(value.slice(at));
    return parts;
  }

  function time(iso) {
    if (!iso) return el('span', { class: 'muted' }, '—');
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return el('span', {}, String(iso));
    const pad = (n) => String(n).padStart(2, '0');
    const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    const today = new Date();
    const isToday = date.getFullYear() === today.getFullYear() && date.getMonth() === today.getMonth()
      && date.getDate() === today.getDate();
    const shown = isToday ? clock : `${day} ${clock}`;
    return el('time', { datetime: date.toISOString(), title: `${date.toISOString()} (${ago(date)})` }, shown);
  }

  function ago(date) {
    const seconds = Math.round((Date.now() - date.getTime()) / 1000);
    const abs = Math.abs(seconds);
    const text = abs < 90 ? `${abs} s` : abs < 5400 ? `${Math.round(abs / 60)} min` : abs < 172800
      ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} d`;
    return seconds >= 0 ? `${text} ago` : `in ${text}`;
  }

  function badge(kind, text) {
    return el('span', { class: `badge badge-${kind}` }, text);
  }

  function status(id, text, kind) {
    const node = $(id);
    node.textContent = text || '';
    node.className = 'section-status' + (kind ? ` status-${kind}` : '');
  }

  /** Renders into a container unless the data is what it already shows (keeps scroll and selection). */
  function render(containerId, data, build) {
    const key = JSON.stringify(data);
    if (lastRendered[containerId] === key) return;
    lastRendered[containerId] = key;
    $(containerId).replaceChildren(build(data));
  }

  async function getJson(url, token) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(url, { headers, cache: 'no-store', credentials: 'same-origin' });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    return { status: response.status, ok: response.ok, body };
  }

  async function putJson(url, token, body) {
    return sendJson('PUT', url, token, body);
  }

  async function postJson(url, token) {
    return sendJson('POST', url, token, {});
  }

  async function sendJson(method, url, token, body) {
    const response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    let answer = null;
    try {
      answer = await response.json();
    } catch (e) {
      answer = null;
    }
    return { status: response.status, ok: response.ok, body: answer };
  }

  function errorOf(result) {
    return result.body && typeof result.body.error === 'string' ? result.body.error : `HTTP ${result.status}`;
  }

  // ---- recent alerts --------------------------------------------------------------------

  async function loadAlerts() {
    try {
      const result = await getJson('../alerts/recent?limit=50');
      if (!result.ok) {
        status('alerts-status', `Could not read the recent alerts: ${errorOf(result)}`, 'error');
        return;
      }
      status('alerts-status', result.body.length ? '' : 'No alerts yet: they show here as the classifier publishes them.');
      const events = byEvent(result.body);
      $('alerts-count').textContent = result.body.length
        ? `(${result.body.length} in ${events.length} ${events.length === 1 ? 'event' : 'events'}, newest first)` : '';
      const canJudge = Boolean(token());
      render('alerts', { events, canJudge }, (data) => el('div', {}, data.events.map((group) => eventCard(group, canJudge))));
    } catch (e) {
      status('alerts-status', 'The notifier is unreachable.', 'error');
    }
  }

  /** The alerts grouped by the event they report (their cluster), newest event first; an alert without a cluster is its own. */
  function byEvent(received) {
    const groups = new Map();
    for (const r of received) {
      const alert = r.alert || {};
      const key = alert.cluster ? `cluster:${alert.cluster.clusterId}` : `alert:${alert.alertId}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    }
    return [...groups.values()];
  }

  /** One event: its first story as a card, then the other outlets that reported it, oldest first. */
  function eventCard(group, canJudge) {
    const first = group.find((r) => r.alert && r.alert.cluster && r.alert.cluster.head) || group[group.length - 1];
    const others = group.filter((r) => r !== first).reverse();
    const card = alertCard(first, canJudge);
    if (others.length) {
      const outlets = Math.max(...group.map((r) => (r.alert.cluster && r.alert.cluster.outlets) || 1));
      card.append(el('div', { class: 'cluster' },
        el('span', { class: 'why-label' }, `Also reported (${outlets} outlets in all): `),
        el('ul', { class: 'cluster-members' }, others.map(clusterMember))));
    }
    return card;
  }

  function clusterMember(received) {
    const story = received.alert.story || {};
    const cluster = received.alert.cluster || {};
    return el('li', { class: 'cluster-member', 'data-alert-id': received.alert.alertId },
      link(story.link, story.feedTitle || story.feedUrl || 'unknown feed'), ': ', story.title || '(no title)',
      ' · ', time(received.receivedAt),
      typeof cluster.similarity === 'number'
        ? el('span', { class: 'muted small', title: cluster.explanation || null }, ` · similarity ${cluster.similarity.toFixed(2)}`)
        : null);
  }

  function alertCard(received, canJudge) {
    const alert = received.alert || {};
    const story = alert.story || {};
    const matches = alert.matches || [];
    const terms = (field) => matches.flatMap((m) => (m.terms || []).filter((t) => t.field === field));
    const source = story.feedTitle || story.feedUrl || 'unknown feed';
    return el('article', { class: 'alert', 'data-alert-id': alert.alertId },
      el('h3', { class: 'alert-title' }, link(story.link, highlighted(story.title || '(no title)', terms('title')))),
      el('div', { class: 'meta' },
        el('span', { class: 'source', title: story.feedUrl || null }, source),
        story.language ? [' · ', el('span', { class: 'lang' }, story.language)] : null,
        ' · published ', time(story.publishedAt),
        ' · received ', time(received.receivedAt)),
      story.summary ? el('p', { class: 'summary' }, highlighted(story.summary, terms('summary'))) : null,
      el('div', { class: 'why' },
        el('span', { class: 'why-label' }, 'Why: '),
        matches.length ? matches.map(matchLine) : el('span', { class: 'muted' }, 'no rule matches listed')),
      feedbackLine(alert.alertId, received.feedback, canJudge));
  }

  // ---- reader feedback on an alert (the buttons need the API token) -----------------------

  const VERDICT_TEXT = { relevant: 'relevant', 'not-relevant': 'not relevant' };

  function feedbackLine(alertId, feedback, canJudge) {
    const current = feedback && VERDICT_TEXT[feedback.verdict];
    const button = (verdict, label) => el('button', {
      type: 'button',
      class: `verdict verdict-${verdict}` + (feedback && feedback.verdict === verdict ? ' chosen' : ''),
      'data-verdict': verdict,
      'aria-pressed': feedback && feedback.verdict === verdict ? 'true' : 'false',
      onclick: () => judge(alertId, verdict),
    }, label);
    return el('div', { class: 'feedback' },
      el('span', { class: 'why-label' }, 'Feedback: '),
      current
        ? el('span', { class: 'verdict-now' }, badge(feedback.verdict === 'relevant' ? 'ok' : 'bad', current),
          ' ', el('span', { class: 'muted small' }, `via ${feedback.via} · `, time(feedback.judgedAt)))
        : el('span', { class: 'muted verdict-now' }, 'none yet'),
      canJudge ? [' ', button('relevant', 'Relevant'), ' ', button('not-relevant', 'Not relevant')]
        : el('span', { class: 'muted small' }, ' (enter the API token to judge)'));
  }

  async function judge(alertId, verdict) {
    if (!token()) {
      showTokenState();
      return;
    }
    try {
      const result = await putJson(`../alerts/${encodeURIComponent(alertId)}/feedback`, token(), { verdict });
      if (result.status === 401) {
        forgetToken(`The token was refused: ${errorOf(result)}`);
        return;
      }
      if (!result.ok) {
        status('alerts-status', `Feedback not recorded: ${errorOf(result)}`, 'error');
        return;
      }
      status('alerts-status', `Recorded: ${VERDICT_TEXT[verdict]}.`);
      refresh();
    } catch (e) {
      status('alerts-status', 'The notifier is unreachable: feedback not recorded.', 'error');
    }
  }

  function matchLine(match) {
    const score = typeof match.score === 'number' ? match.score.toFixed(2) : '?';
    return el('div', { class: 'match' },
      el('span', { class: 'rule', title: `rule id: ${match.ruleId}` }, match.ruleTitle || match.ruleId),
      ' ', el('code', { class: 'rule-id' }, match.ruleId),
      ' ', el('span', { class: 'score', title: 'match score (0 to 1)' }, `score ${score}`),
      distinctTerms(match.terms || []).map((term) => el('span', { class: 'term' },
        el('q', {}, term.term), ` in ${term.field}`)));
  }

  /** Each term once per field (a term found twice in a title shows once). */
  function distinctTerms(terms) {
    const seen = new Set();
    return terms.filter((term) => {
      const key = JSON.stringify([term.term, term.field]);
      return seen.has(key) ? false : seen.add(key);
    });
  }

  // ---- feed health (the feed-poller's GET /feeds, through the notifier) -------------------

  async function loadFeeds() {
    try {
      const result = await getJson('api/feeds');
      if (!result.ok) {
        const why = errorOf(result);
        status('feeds-status', why.startsWith('feed-poller') ? why : `feed-poller unreachable: ${why}`, 'error');
        render('feeds', { unreachable: why }, () => el('p', { class: 'unreachable' },
          'feed-poller unreachable: feed health is unknown until it answers again.'));
        return;
      }
      const feeds = result.body.feeds || [];
      status('feeds-status', feeds.length ? '' : 'The feed-poller has no feeds.');
      render('feeds', feeds, (list) => feedTable(list));
    } catch (e) {
      status('feeds-status', 'The notifier is unreachable.', 'error');
    }
  }

  function feedHealth(feed) {
    if (feed.polledHere === false) return badge('muted', 'polled by another instance');
    if (feed.consecutiveFailures > 0) return badge('bad', `failing (${feed.consecutiveFailures}×)`);
    if (feed.lastSuccessAt) return badge('ok', 'ok');
    return badge('muted', 'not polled yet');
  }

  function feedTable(feeds) {
    return el('table', { class: 'feeds' },
      el('thead', {}, el('tr', {}, ['feed', 'health', 'stories', 'next poll'].map((h) => el('th', {}, h)))),
      el('tbody', {}, feeds.map((feed) => el('tr', { 'data-feed-id': feed.id },
        el('td', { class: 'feed' }, el('div', {}, feed.name || feed.url),
          el('div', { class: 'muted small' }, link(feed.url, feed.url)),
          feed.movedTo ? el('div', { class: 'small warn' }, 'moved permanently to ', link(feed.movedTo, feed.movedTo)) : null),
        el('td', { class: 'health' }, feedHealth(feed),
          el('div', { class: 'small muted' }, 'last success ', time(feed.lastSuccessAt)),
          feed.lastError ? el('div', { class: 'small error-text' }, feed.lastError, ' (', time(feed.lastErrorAt), ')') : null),
        el('td', { class: 'num' }, feed.storiesPublished ?? '—'),
        el('td', { class: 'nowrap' }, time(feed.nextPollAt))))));
  }

  // ---- subscriptions and delivery logs (API token) ---------------------------------------

  const token = () => sessionStorage.getItem(TOKEN_KEY);

  function selectedSubscription() {
    const match = /^#subscription=(.+)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function showTokenState(message) {
    const hasToken = Boolean(token());
    $('token-form').hidden = hasToken;
    $('token-bar').hidden = !hasToken;
    if (!hasToken) {
      $('action-outcome').hidden = true;
      $('action-outcome').replaceChildren();
      render('subscriptions', null, () => el('span'));
      render('log', null, () => el('span'));
      status('subscriptions-status', message || 'Enter the API token to see the subscriptions.', message ? 'error' : null);
      status('log-status', 'Needs the API token too.');
      $('log-name').textContent = '';
    }
  }

  function forgetToken(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState(message);
  }

  async function loadSubscriptions() {
    if (!token()) {
      showTokenState();
      return;
    }
    try {
      const result = await getJson('../subscriptions', token());
      if (result.status === 401) {
        forgetToken(`The token was refused: ${errorOf(result)}`);
        return;
      }
      if (!result.ok) {
        status('subscriptions-status', `Could not read the subscriptions: ${errorOf(result)}`, 'error');
        return;
      }
      const subscriptions = result.body;
      status('subscriptions-status', subscriptions.length ? 'Pick one to see its delivery log.' : 'No subscriptions yet.');
      const selected = selectedSubscription();
      render('subscriptions', { subscriptions, selected }, () => subscriptionTable(subscriptions, selected));
      await loadLog(subscriptions.find((s) => s.id === selected));
    } catch (e) {
      status('subscriptions-status', 'The notifier is unreachable.', 'error');
    }
  }

  function subscriptionTable(subscriptions, selected) {
    return el('table', { class: 'subscriptions' },
      el('thead', {}, el('tr', {}, ['name', 'channel', 'target', 'rules', 'state', 'origin'].map((h) => el('th', {}, h)))),
      el('tbody', {}, subscriptions.map((s) => el('tr', {
        class: s.id === selected ? 'selected' : null,
        'data-subscription-id': s.id,
        tabindex: '0',
        onclick: () => { location.hash = `subscription=${encodeURIComponent(s.id)}`; },
      },
      el('td', {}, el('div', {}, s.name || s.id), el('div', { class: 'muted small' }, s.id)),
      el('td', {}, s.channel, s.format && s.channel === 'webhook' ? el('div', { class: 'muted small' }, s.format) : null,
        s.digest ? el('div', { class: 'muted small' }, `digest ${s.digest}`) : null),
      el('td', { class: 'target' }, s.target,
        s.contact ? el('div', { class: 'muted small' }, `contact ${s.contact}`) : null),
      el('td', {}, s.rules && s.rules.length ? s.rules.join(', ') : el('span', { class: 'muted' }, 'all rules'),
        s.minScore != null ? el('div', { class: 'muted small' }, `score ≥ ${s.minScore}`) : null,
        s.language ? el('div', { class: 'muted small' }, `language ${s.language}`) : null,
        s.clusters ? el('div', { class: 'muted small' }, `per event: ${s.clusters}`) : null,
        s.missingRules ? el('div', { class: 'small error-text' }, `no longer in the rules: ${s.missingRules.join(', ')}`) : null),
      el('td', { class: 'state' }, s.enabled ? badge('ok', 'enabled')
        : [badge('bad', 'disabled'), el('div', { class: 'small error-text' }, s.disabledReason || 'no reason given'),
          actionButton('enable', 'Enable and replay', () => enable(s))],
        s.channel === 'webhook' && s.origin === 'api' ? el('div', {}, actionButton('rotate-secret', 'Rotate secret', () => rotate(s)))
          : null),
      el('td', {}, s.origin)))));
  }

  /** A button in a subscription's row: it acts on the row without also selecting it. */
  function actionButton(action, label, act) {
    return el('button', {
      type: 'button', class: `action action-${action}`, 'data-action': action,
      onclick: (event) => { event.stopPropagation(); act(); },
    }, label);
  }

  async function enable(subscription) {
    const result = await subscriptionAction(subscription, 'enable');
    if (result) {
      showOutcome(el('span', {}, `Enabled “${subscription.name}”; ${result.replayed} missed`
        + ` deliver${result.replayed === 1 ? 'y' : 'ies'} tried again.`));
    }
  }

  /** The new secret is shown once, until dismissed, and kept nowhere else. */
  async function rotate(subscription) {
    const result = await subscriptionAction(subscription, 'secret');
    if (result) {
      showOutcome(el('span', {}, `New signing secret of “${subscription.name}”, shown only now: `,
        el('code', { class: 'secret' }, result.secret),
        el('div', { class: 'muted small' }, 'Deliveries carry the previous secret\'s signature too until ',
          time(result.previousSecretValidUntil), ', so the receiver can switch without a gap.')));
    }
  }

  function showOutcome(content) {
    const box = $('action-outcome');
    box.replaceChildren(content, ' ', el('button', {
      type: 'button', id: 'dismiss-outcome', onclick: () => { box.hidden = true; box.replaceChildren(); },
    }, 'Dismiss'));
    box.hidden = false;
  }

  async function subscriptionAction(subscription, action) {
    try {
      const result = await postJson(`../subscriptions/${encodeURIComponent(subscription.id)}/${action}`, token());
      if (result.status === 401) {
        forgetToken(`The token was refused: ${errorOf(result)}`);
        return null;
      }
      if (!result.ok) {
        status('subscriptions-status', `Not done: ${errorOf(result)}`, 'error');
        return null;
      }
      delete lastRendered.subscriptions;
      await loadSubscriptions();
      return result.body;
    } catch (e) {
      status('subscriptions-status', 'The notifier is unreachable: nothing changed.', 'error');
      return null;
    }
  }

  async function loadLog(subscription) {
    if (!subscription) {
      $('log-name').textContent = '';
      status('log-status', selectedSubscription() ? 'That subscription does not exist (any more).' : 'Pick a subscription.');
      render('log', null, () => el('span'));
      return;
    }
    $('log-name').textContent = `of ${subscription.name || subscription.id}`;
    const result = await getJson(`../subscriptions/${encodeURIComponent(subscription.id)}/deliveries?limit=50`, token());
    if (result.status === 401) {
      forgetToken(`The token was refused: ${errorOf(result)}`);
      return;
    }
    if (!result.ok) {
      status('log-status', `Could not read the delivery log: ${errorOf(result)}`, 'error');
      return;
    }
    status('log-status', result.body.length ? '' : 'Nothing delivered to it yet (or all older than the log keeps).');
    render('log', result.body, (deliveries) => el('div', {}, deliveries.map(deliveryEntry)));
  }

  const STATE_KIND = { delivered: 'ok', retrying: 'warn', dead: 'bad', gone: 'bad' };

  function deliveryEntry(delivery) {
    return el('div', { class: 'delivery', 'data-delivery-id': delivery.deliveryId },
      el('div', { class: 'delivery-head' },
        badge(STATE_KIND[delivery.state] || 'muted', delivery.state),
        ' ', el('span', { class: 'story' }, delivery.storyTitle || delivery.alertId),
        ' ', el('span', { class: 'muted small' }, `${delivery.attemptCount} attempt${delivery.attemptCount === 1 ? '' : 's'} · `,
          time(delivery.updatedAt))),
      el('table', { class: 'attempts' }, el('tbody', {}, (delivery.attempts || []).map((attempt) => el('tr', {},
        el('td', { class: 'num' }, `#${attempt.number}`),
        el('td', {}, time(attempt.at)),
        el('td', { class: 'status-code' }, attempt.status ? `HTTP ${attempt.status}` : '—'),
        el('td', { class: 'num' }, `${attempt.latencyMs} ms`),
        el('td', { class: 'error-text' }, attempt.error || ''))))));
  }

  // ---- refresh loop ---------------------------------------------------------------------

  // ---- the rules a subscription can name (the classifier's catalogue, through GET /rules) -----

  async function loadRules() {
    try {
      const result = await getJson('../rules');
      render('rules-in-force', result, (r) => r.ok
        ? el('span', {}, `Rules in force (${r.body.rulesVersion}): `,
          (r.body.rules || []).flatMap((rule, i) => [i ? ', ' : '', el('code', {}, rule.id), ` ${rule.title || ''}`]))
        : el('span', {}, 'The classifier has not published its rules yet.'));
    } catch (e) {
      render('rules-in-force', null, () => el('span', {}, 'The notifier is unreachable.'));
    }
  }

  async function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      await Promise.allSettled([loadAlerts(), loadFeeds(), loadSubscriptions(), loadRules()]);
      $('updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
    } finally {
      busy = false;
    }
    if (again) {
      again = false;
      refresh();
    }
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('token-input').value.trim();
    $('token-input').value = '';
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    showTokenState();
    refresh();
  });
  $('forget-token').addEventListener('click', () => forgetToken());
  $('refresh-now').addEventListener('click', () => refresh());
  window.addEventListener('hashchange', () => refresh());
  setInterval(() => {
    if ($('auto-refresh').checked && document.visibilityState !== 'hidden') refresh();
  }, REFRESH_MS);
  showTokenState();
  refresh();
})();
