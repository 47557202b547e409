'use strict';
// The sandbox clinician flow: sign in as a demo user, search, $verify, confirm, $select, $ncrs-launch, open NCRS.
// Every step shows the correlation ID of its request, linked to the support waterfall (/ops/?id=...).
(function () {
  const $ = (id) => document.getElementById(id);
  const nhsSystem = 'https://fhir.nhs.uk/Id/nhs-number';
  const state = { token: null, patient: null, nationalVersion: null, selectionToken: null };

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  // Shows the step's outcome and its correlation ID, linked to the support page.
  function show(target, message, correlationId, failed) {
    const box = $(target);
    box.replaceChildren(el('span', failed ? 'error' : null, message));
    if (correlationId) {
      box.appendChild(document.createTextNode(' '));
      const span = el('span', 'correlation', 'Correlation ID: ');
      const link = el('a', 'correlation-link', correlationId);
      link.href = '/ops/?id=' + encodeURIComponent(correlationId);
      link.target = '_blank';
      link.rel = 'noopener';
      span.appendChild(link);
      box.appendChild(span);
    }
  }

  function outcomeText(body, status) {
    const issue = body && body.issue && body.issue[0];
    return status + ': ' + ((issue && issue.details && issue.details.text) || (issue && issue.diagnostics) || 'refused');
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/fhir+json' };
    if (state.token) { headers.Authorization = 'Bearer ' + state.token; }
    if (body !== undefined) { headers['Content-Type'] = 'application/fhir+json'; }
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, json, correlationId: response.headers.get('X-Correlation-ID') };
  }

  function param(parameters, name) {
    return (parameters.parameter || []).find((p) => p.name === name);
  }

  function valueOf(p) {
    if (!p) { return null; }
    for (const key of Object.keys(p)) {
      if (key.startsWith('value')) {
        const v = p[key];
        if (v && typeof v === 'object') { return v.value || v.code || v.reference || (v.family ? [v.given && v.given.join(' '), v.family].filter(Boolean).join(' ') : JSON.stringify(v)); }
        return String(v);
      }
    }
    return null;
  }

  async function signIn() {
    const response = await fetch('/sandbox/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: $('user').value, workstation: $('workstation').value }) });
    const json = await response.json().catch(() => null);
    if (!response.ok) { show('signin-result', outcomeText(json, response.status), response.headers.get('X-Correlation-ID'), true); return; }
    state.token = json.access_token;
    show('signin-result', 'Signed in as ' + $('user').value + ' on ' + $('workstation').value + '.', response.headers.get('X-Correlation-ID'));
  }

  function nhsNumberOf(patient) {
    const id = (patient.identifier || []).find((i) => i.system === nhsSystem);
    return id ? id.value : '';
  }

  function choose(patient) {
    state.patient = patient;
    const name = (patient.name || [])[0] || {};
    $('chosen-number').textContent = nhsNumberOf(patient);
    $('local-family').value = name.family || '';
    $('local-given').value = (name.given || []).join(' ');
    $('local-birthdate').value = patient.birthDate || '';
    $('local-postcode').value = ((patient.address || [])[0] || {}).postalCode || '';
  }

  async function search() {
    const query = new URLSearchParams({ family: $('family').value, birthdate: $('birthdate').value });
    const r = await call('GET', '/fhir/Patient?' + query.toString());
    const tbody = $('matches').querySelector('tbody');
    tbody.replaceChildren();
    if (!r.ok) { show('search-result', outcomeText(r.json, r.status), r.correlationId, true); return; }
    const patients = (r.json.entry || []).map((e) => e.resource).filter((p) => p && p.resourceType === 'Patient');
    show('search-result', patients.length + ' match(es).', r.correlationId);
    for (const p of patients) {
      const name = (p.name || [])[0] || {};
      const tr = el('tr');
      tr.appendChild(el('td', null, nhsNumberOf(p)));
      tr.appendChild(el('td', null, [(name.given || []).join(' '), name.family].filter(Boolean).join(' ')));
      tr.appendChild(el('td', null, p.birthDate || ''));
      tr.appendChild(el('td', null, ((p.address || [])[0] || {}).postalCode || ''));
      const cell = el('td');
      const button = el('button', 'choose', 'Choose');
      button.type = 'button';
      button.addEventListener('click', () => choose(p));
      cell.appendChild(button);
      tr.appendChild(cell);
      tbody.appendChild(tr);
    }
    if (patients.length > 0) { choose(patients[0]); }
  }

  async function verify() {
    if (!state.patient) { show('verify-result', 'Choose a patient first.', null, true); return; }
    const local = {
      resourceType: 'Patient',
      identifier: [{ system: nhsSystem, value: nhsNumberOf(state.patient) }],
      name: [{ use: 'usual', family: $('local-family').value, given: $('local-given').value.split(' ').filter(Boolean) }],
      birthDate: $('local-birthdate').value,
      address: [{ use: 'home', postalCode: $('local-postcode').value }],
    };
    if (state.patient.gender) { local.gender = state.patient.gender; }
    const r = await call('POST', '/fhir/Patient/$verify', local);
    const tbody = $('fields').querySelector('tbody');
    tbody.replaceChildren();
    if (!r.ok) { show('verify-result', outcomeText(r.json, r.status), r.correlationId, true); return; }
    state.nationalVersion = valueOf(param(r.json, 'nationalVersion'));
    const fields = (r.json.parameter || []).filter((p) => p.name === 'field');
    const differs = fields.filter((f) => valueOf((f.part || [])[1]) === 'differs').length;
    show('verify-result', differs === 0 ? 'Local details match the national record.' : differs + ' field(s) differ from the national record: check with the patient.', r.correlationId);
    for (const f of fields) {
      const parts = f.part || [];
      const byName = (n) => valueOf(parts.find((p) => p.name === n));
      const status = byName('status') || '';
      const tr = el('tr');
      tr.appendChild(el('td', null, byName('field')));
      tr.appendChild(el('td', 'status-' + status, status));
      tr.appendChild(el('td', null, byName('nationalValue') || ''));
      tr.appendChild(el('td', null, byName('localValue') || ''));
      tbody.appendChild(tr);
    }
  }

  async function select() {
    if (!state.patient) { show('select-result', 'Choose a patient first.', null, true); return; }
    const parameter = [
      { name: 'nhsNumber', valueIdentifier: { system: nhsSystem, value: nhsNumberOf(state.patient) } },
      { name: 'confirmed', valueBoolean: $('confirmed').checked },
    ];
    if (state.nationalVersion) { parameter.push({ name: 'verifiedVersion', valueString: state.nationalVersion }); }
    const r = await call('POST', '/fhir/Patient/$select', { resourceType: 'Parameters', parameter });
    if (!r.ok) { show('select-result', outcomeText(r.json, r.status), r.correlationId, true); return; }
    state.selectionToken = valueOf(param(r.json, 'selectionToken'));
    show('select-result', 'Selected: the selection can launch NCRS once.', r.correlationId);
  }

  async function launch() {
    const parameter = [{ name: 'originFeature', valueString: 'sandbox-page' }];
    if (state.selectionToken) { parameter.unshift({ name: 'selectionToken', valueString: state.selectionToken }); }
    const r = await call('POST', '/fhir/Patient/$ncrs-launch', { resourceType: 'Parameters', parameter });
    if (!r.ok) { show('launch-result', outcomeText(r.json, r.status), r.correlationId, true); return; }
    const url = valueOf(param(r.json, 'launchUrl'));
    show('launch-result', 'NCRS launch link issued.', r.correlationId);
    const link = $('open-ncrs');
    link.href = url;
    link.hidden = false;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('signin').addEventListener('click', signIn);
    $('search').addEventListener('click', search);
    $('verify').addEventListener('click', verify);
    $('select').addEventListener('click', select);
    $('launch').addEventListener('click', launch);
  });
})();
