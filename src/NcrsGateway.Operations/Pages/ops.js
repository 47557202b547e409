'use strict';
// The support page: looks a correlation ID up (GET /ops/correlation/{id}) and draws the request's waterfall; lists recent
// slow or failed requests (GET /ops/recent). The token stays in this tab's sessionStorage only.
(function () {
  const $ = (id) => document.getElementById(id);
  const tokenKey = 'ncrs-ops-token';

  function token() { return sessionStorage.getItem(tokenKey) || ''; }

  function setToken(value) {
    sessionStorage.setItem(tokenKey, value);
    $('signin-status').textContent = value ? 'Signed in.' : '';
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const text = body && body.issue && body.issue[0] && (body.issue[0].diagnostics || (body.issue[0].details && body.issue[0].details.text));
      throw new Error(response.status + ': ' + (text || 'request refused'));
    }
    return body;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function ms(value) { return value === null || value === undefined ? '–' : value.toFixed(1) + ' ms'; }

  function row(label, start, duration, total, kind, detail) {
    const r = el('div', 'row');
    r.appendChild(el('span', 'label', label));
    const track = el('div', 'track');
    const bar = el('div', 'bar ' + kind);
    const scale = total > 0 ? 100 / total : 0;
    bar.style.left = Math.min(100, start * scale) + '%';
    bar.style.width = Math.max(0.3, Math.min(100, duration * scale)) + '%';
    bar.title = label + ' ' + ms(duration);
    track.appendChild(bar);
    r.appendChild(track);
    r.appendChild(el('span', 'detail', detail));
    return r;
  }

  function render(request) {
    const box = el('article', 'request');
    const upstream = request.attributedTo !== 'gateway';
    box.appendChild(el('p', 'verdict' + (upstream ? ' upstream' : ''),
      upstream ? 'Most of the time went to ' + request.attributedTo + ' (a national service).' : 'Most of the time was spent in the gateway itself.'));
    const summary = el('dl', 'summary');
    const add = (k, v) => { summary.appendChild(el('dt', null, k)); summary.appendChild(el('dd', null, v)); };
    add('Route', request.method + ' ' + request.route);
    add('Status', request.status + ' (' + request.outcome + ')');
    add('Total', ms(request.durationMs));
    add('Gateway own time', ms(request.gatewayMs));
    add('Cache', request.cache || 'not cached');
    add('Audit write', ms(request.auditMs));
    add('Instance', request.instance);
    add('Started', new Date(request.startedAt).toISOString());
    box.appendChild(summary);
    const waterfall = el('div', 'waterfall');
    waterfall.setAttribute('aria-label', 'Waterfall');
    const total = request.durationMs;
    waterfall.appendChild(row('gateway (total)', 0, total, total, 'gateway', ms(total)));
    for (const call of request.upstreamCalls) {
      const flags = [];
      if (call.retried) { flags.push(call.attempts + ' attempts'); }
      if (call.timedOut) { flags.push('timed out'); }
      if (call.breakerOpen) { flags.push('breaker open'); }
      if (call.retryAfter) { flags.push('Retry-After'); }
      const detail = ms(call.durationMs) + ' · ' + (call.status === null ? 'no answer' : 'HTTP ' + call.status) + ' · ' + call.outcome + (flags.length ? ' · ' + flags.join(', ') : '');
      waterfall.appendChild(row(call.adapter, call.startOffsetMs, call.durationMs, total, 'upstream' + (call.outcome === 'ok' ? ' ok' : ''), detail));
    }
    if (request.auditMs !== null && request.auditMs !== undefined) {
      waterfall.appendChild(row('audit write', Math.max(0, total - request.auditMs), request.auditMs, total, 'audit', ms(request.auditMs)));
    }
    box.appendChild(waterfall);
    return box;
  }

  async function find(id) {
    const result = $('result');
    result.replaceChildren();
    $('lookup-status').textContent = 'Looking up…';
    try {
      const body = await api('/ops/correlation/' + encodeURIComponent(id));
      $('lookup-status').textContent = body.requests.length + ' request(s) with correlation ID ' + body.correlationId + '.';
      for (const request of body.requests) { result.appendChild(render(request)); }
    } catch (e) {
      $('lookup-status').replaceChildren(el('span', 'error', e.message));
    }
  }

  async function recent() {
    const tbody = $('recent').querySelector('tbody');
    tbody.replaceChildren();
    try {
      const body = await api('/ops/recent');
      for (const r of body.requests) {
        const tr = el('tr');
        tr.appendChild(el('td', null, new Date(r.startedAt).toISOString()));
        tr.appendChild(el('td', null, r.method + ' ' + r.route));
        tr.appendChild(el('td', null, String(r.status)));
        tr.appendChild(el('td', null, r.outcome));
        tr.appendChild(el('td', null, ms(r.durationMs)));
        tr.appendChild(el('td', null, r.attributedTo));
        const cell = el('td');
        const link = el('a', null, r.correlationId);
        link.href = '/ops/?id=' + encodeURIComponent(r.correlationId);
        cell.appendChild(link);
        tr.appendChild(cell);
        tbody.appendChild(tr);
      }
    } catch (e) {
      const tr = el('tr');
      const td = el('td', 'error', e.message);
      td.colSpan = 7;
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
  }

  async function sandboxSignIn() {
    const response = await fetch('/sandbox/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'demo-support' }) });
    if (!response.ok) { $('signin-status').textContent = 'Sandbox sign-in is not available on this gateway.'; return; }
    setToken((await response.json()).access_token);
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('use-token').addEventListener('click', () => setToken($('token').value.trim()));
    $('sandbox-signin').addEventListener('click', async () => { await sandboxSignIn(); await recent(); });
    $('find').addEventListener('click', () => find($('correlation-id').value.trim()));
    $('correlation-id').addEventListener('keydown', (e) => { if (e.key === 'Enter') { find($('correlation-id').value.trim()); } });
    $('refresh-recent').addEventListener('click', recent);
    if (token()) { $('signin-status').textContent = 'Signed in.'; }
    const id = new URLSearchParams(location.search).get('id');
    if (id) {
      $('correlation-id').value = id;
      if (token()) { await find(id); }
    }
    if (token()) { await recent(); }
  });
})();
