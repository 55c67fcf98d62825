// The price calculator. Everything it shows comes from the rules being served: its words, the plans, add-ons,
// meters and the price list from GET /v1/catalog (in the catalog's language), the bill from POST /v1/quote, the
// cheapest plans from POST /v1/advise. It computes no amount: it shows the strings the server sends.
// It asks GET /health every few seconds and, when the rules version changes (a reload), reads the catalog again.
'use strict';

(function () {
  const POLL_MS = 2000;
  const MONTH = /^\d{4}-\d{2}$/;
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };

  let catalog = null;
  let quoteSeq = 0;
  let timer = null;
  let addOnOrder = [];   // the add-on code of each entry of the last request's addOns, for errors like addOns[i].OPTION

  /** A word of the page in the catalog's language, {0}, {1}... filled with args. */
  function t(key, ...args) {
    const pattern = catalog && catalog.words[key];
    if (pattern === undefined) return key;
    return pattern.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
  }

  // ---- catalog ----

  async function loadCatalog() {
    const month = $('#billingMonth').value.trim();
    let r;
    try {
      r = await fetch('/v1/catalog' + (MONTH.test(month) ? '?month=' + encodeURIComponent(month) : ''), { cache: 'no-store' });
    } catch (e) {
      $('#price-error').textContent = catalog ? t('offlineDetail', e.message) : String(e.message);
      return false;
    }
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      if (r.status === 400 && body.field === 'month') showFieldError('billingMonth', body.error);
      else $('#price-error').textContent = body.error || (catalog ? t('catalogFailed', r.status) : 'HTTP ' + r.status);
      return false;
    }
    catalog = body;
    $('#price-error').textContent = '';
    $('#rules-version').textContent = t('rulesVersion', catalog.rulesVersion.substring(0, 12));
    document.body.dataset.rulesVersion = catalog.rulesVersion;
    return true;
  }

  function planName(code) {
    const p = catalog.plans.find(x => x.code === code);
    return p ? p.name : code;
  }
  function addOnDef(code) { return catalog.addOns.find(a => a.code === code); }
  function addOnName(code) { const a = addOnDef(code); return a ? a.name : code; }
  function meterOf(code) { return catalog.meters.find(m => m.code === code); }
  function violationLabel(code) { const v = catalog.violations.find(x => x.code === code); return v ? v.label : code; }
  function lineLabel(code) { const l = catalog.lines.find(x => x.code === code); return l ? l.label : code; }
  function priced(code) { return catalog.priceList.pricedMeters.includes(code); }

  // ---- the price list ----

  /** The lines of a cell: the version in force on the 1st, then each change within the month with its day. */
  function versionLines(versions, text) {
    return versions.map(v => {
      const said = v.ended ? t('none') : text(v);
      return v.from ? t('fromDay', v.from, said) : said;
    });
  }

  function feeText(v) {
    return v.zero ? t('free') : t('perMonth', v.price, catalog.currencyLabel);
  }

  function limitLines(versions, unit) {
    return versionLines(versions, v => (v.unlimited ? t('unlimited') : t('limit', v.cap, unit || '')));
  }

  function meterCell(plan, m) {
    const pm = plan.meters.find(x => x.code === m.code);
    const lines = [];
    if (pm.overage) {
      lines.push(...versionLines(pm.overage.versions, v => (v.block === '1'
        ? t('overageEach', v.free, m.unit, v.price, catalog.currencyLabel)
        : t('overage', v.free, m.unit, v.block, v.price, catalog.currencyLabel))));
    }
    if (pm.limit) lines.push(...limitLines(pm.limit.versions, m.unit));
    for (const w of pm.withAddOns) lines.push(t('withAddOn', addOnName(w.addOn), limitLines(w.versions, m.unit).join(' ')));
    return lines;
  }

  function dailyCell(plan, m, key) {
    const pm = plan.meters.find(x => x.code === m.code);
    const rate = pm.daily.find(d => (d.key || null) === key);
    const lines = rate ? versionLines(rate.versions, v => t(v.settlement === 'DAILY_POSTPAID' ? 'dailyRateDaily' : 'dailyRate',
      v.price, catalog.currencyLabel, m.unit)) : [];
    if (!rate && pm.limit) lines.push(...limitLines(pm.limit.versions, m.unit));
    return lines;
  }

  function renderPriceList() {
    const pl = catalog.priceList;
    const plans = pl.plans;
    const chosen = $('#plan').value;
    $('#price-month').textContent = t('priceListMonth', pl.month);
    const head = el('thead', {}, el('tr', {}, el('th', { text: t('priceItem') }),
      ...plans.map(p => el('th', { class: 'plan' + (p.code === chosen ? ' chosen' : ''), 'data-plan': p.code, text: p.name }))));
    const body = el('tbody');
    const section = (key, title) => body.append(el('tr', { class: 'section', 'data-section': key },
      el('th', { colspan: String(plans.length + 1), text: title })));
    const row = (item, label, cells, note) => body.append(el('tr', { class: 'item', 'data-item': item },
      el('th', { scope: 'row' }, label, note ? el('span', { class: 'code', text: note }) : null),
      ...cells.map((lines, i) => el('td', { 'data-plan': plans[i].code, class: plans[i].code === chosen ? 'chosen' : null },
        ...(lines.length ? lines : [t('none')]).map(line => el('div', { text: line }))))));

    const feeLines = catalog.lines.map(l => l.code).filter(code => plans.some(p => p.fees.some(f => f.line === code)));
    if (feeLines.length) section('fees', t('priceFees'));
    for (const code of feeLines) {
      row('fee:' + code, lineLabel(code), plans.map(p => {
        const fee = p.fees.find(f => f.line === code);
        return fee ? versionLines(fee.versions, feeText) : [];
      }));
    }
    if (pl.pricedMeters.length) section('usage', t('priceUsage'));
    for (const code of pl.pricedMeters) {
      const m = meterOf(code);
      if (m.shape === 'DAILY') {
        const keys = [];
        if (plans.some(p => p.meters.find(x => x.code === code).daily.some(d => !d.key))) keys.push(null);
        for (const d of m.dimensionValues || []) {
          if (plans.some(p => p.meters.find(x => x.code === code).daily.some(x => x.key === d.code))) keys.push(d.code);
        }
        for (const key of keys) {
          const dim = (m.dimensionValues || []).find(d => d.code === key);
          row('meter:' + code + (key ? ':' + key : ''), key ? t('itemWithValue', m.label, dim ? dim.label : key) : m.label,
            plans.map(p => dailyCell(p, m, key)));
        }
      } else {
        row('meter:' + code, m.label, plans.map(p => meterCell(p, m)));
      }
    }
    if (catalog.addOns.length) section('addOns', t('priceAddOns'));
    for (const a of catalog.addOns) {
      row('addon:' + a.code, a.name, plans.map(p => {
        const pa = p.addOns.find(x => x.code === a.code);
        if (!pa.offered || !pa.options.length) return [t('notOffered')];
        return pa.options.flatMap(o => versionLines(o.versions, v => {
          const price = feeText(v);
          return o.option === undefined ? price : t('option', t('optionValue', o.option, a.option ? a.option.label : ''), price);
        }));
      }), a.billing === 'POSTPAID' ? t('postpaid') : null);
    }
    if (pl.limitedMeters.length) section('limits', t('priceLimits'));
    for (const code of pl.limitedMeters) {
      const m = meterOf(code);
      row('meter:' + code, m.label, plans.map(p => meterCell(p, m)));
    }
    const allowances = [];
    for (const p of plans) for (const a of p.allowances) if (!allowances.includes(a.name)) allowances.push(a.name);
    if (allowances.length) section('allowances', t('priceAllowances'));
    for (const name of allowances) {
      row('allowance:' + name, name, plans.map(p => {
        const a = p.allowances.find(x => x.name === name);
        return a ? [a.amount] : [];
      }));
    }
    $('#price-list').replaceChildren(head, body);
  }

  function markChosenPlan() {
    const chosen = $('#plan').value;
    $$('#price-list [data-plan]').forEach(c => c.classList.toggle('chosen', c.dataset.plan === chosen));
  }

  // ---- the inputs ----

  function renderPlans() {
    const select = $('#plan');
    const before = select.value;
    select.replaceChildren(...catalog.plans.map(p => el('option', { value: p.code, text: t('planOption', p.name, p.code) })));
    if (catalog.plans.some(p => p.code === before)) select.value = before;
    else if (catalog.plans.length > 1) select.value = catalog.plans[1].code; // the first paid plan is the usual start
  }

  function renderAddOns() {
    const plan = $('#plan').value;
    const box = $('#addons');
    const chosen = {};
    $$('.addon', box).forEach(d => {
      const cb = $('input[type=checkbox]', d), opt = $('select', d);
      chosen[d.dataset.code] = { on: cb.checked, option: opt ? opt.value : null };
    });
    box.replaceChildren();
    $('#addons-card').hidden = catalog.addOns.length === 0;
    $('#keep-addons-label').hidden = catalog.addOns.length === 0;
    for (const a of catalog.addOns) {
      const offered = a.offeredOn.includes(plan);
      const id = 'addon-' + a.code;
      const cb = el('input', { type: 'checkbox', id, 'data-field': 'addon:' + a.code, disabled: !offered });
      cb.checked = offered && !!(chosen[a.code] && chosen[a.code].on);
      const label = el('label', { for: id }, ' ' + a.name + (offered ? '' : t('notOfferedOnPlan')));
      const div = el('div', { class: 'addon' + (offered ? '' : ' unavailable'), 'data-code': a.code }, cb, label);
      if (a.option) {
        const values = a.option.values[plan] || [];
        const select = el('select', { id: 'option-' + a.code, 'aria-label': a.name + ' ' + a.option.label,
          disabled: !offered || values.length === 0 });
        for (const v of values) select.append(el('option', { value: String(v), text: t('optionValue', v, a.option.label) }));
        const before = chosen[a.code] && chosen[a.code].option;
        if (before && values.map(String).includes(before)) select.value = before;
        div.append(el('br'), select);
      }
      div.append(el('div', { class: 'err', 'data-for': 'addon:' + a.code }));
      box.append(div);
    }
  }

  /** One input per count or peak meter, one small table per daily meter; the priced ones first (catalog.inputOrder). */
  function renderMeters() {
    const kept = {};
    $$('#meters input, #limit-meters input').forEach(i => { kept[i.id] = i.value; });
    const pricedBox = $('#meters'), limitBox = $('#limit-meters');
    pricedBox.replaceChildren();
    limitBox.replaceChildren();
    for (const code of catalog.inputOrder) {
      const m = meterOf(code);
      const box = priced(code) ? pricedBox : limitBox;
      if (m.shape === 'COUNT' || m.shape === 'PEAK') {
        const id = 'usage-' + m.field;
        box.append(el('div', { class: 'row', 'data-meter': m.code, title: m.shape === 'PEAK' ? t('peakHint', m.seriesField) : null },
          el('label', { for: id, text: m.label }),
          el('input', { type: 'text', inputmode: 'numeric', id, 'data-field': 'usage.' + m.field, placeholder: '0' }),
          el('span', { class: 'unit', text: m.unit || '' }),
          el('span', { class: 'err', 'data-for': 'usage.' + m.field })));
      } else if (m.shape === 'DAILY') {
        const table = el('table', { class: 'daily', id: 'daily-' + m.seriesField });
        table.append(el('thead', {}, el('tr', {},
          el('th', { text: '' }),
          el('th', { text: t('dailyPeak', m.unit || '') }),
          el('th', { text: t('days') }))));
        const body = el('tbody');
        const dims = m.dimensionValues && m.dimensionValues.length ? m.dimensionValues : [{ code: null, label: '' }];
        for (const d of dims) {
          const base = 'daily-' + m.seriesField + '-' + (d.code || 'all');
          body.append(el('tr', {},
            el('th', { text: d.label || d.code || '' }),
            el('td', {}, el('input', { type: 'text', inputmode: m.decimal ? 'decimal' : 'numeric', id: base + '-value',
              'data-field': 'usage.' + m.seriesField, 'data-dim': d.code || '', placeholder: '0',
              'aria-label': m.label + ' ' + (d.label || '') })),
            el('td', {}, el('input', { type: 'text', inputmode: 'numeric', id: base + '-days',
              'data-field': 'usage.' + m.seriesField, placeholder: '0', 'aria-label': t('daysAria', m.label + ' ' + (d.label || '')) }))));
        }
        table.append(body);
        box.append(el('div', { class: 'row', 'data-meter': m.code },
          el('label', { text: m.label }),
          el('span', { class: 'small', text: t('dailyNote') })),
          table,
          el('div', { class: 'err', 'data-for': 'usage.' + m.seriesField }));
      }
    }
    $('#limits-card').hidden = limitBox.childElementCount === 0;
    $$('#meters input, #limit-meters input').forEach(i => { if (kept[i.id] !== undefined) i.value = kept[i.id]; });
  }

  function renderAll() {
    renderPlans();
    renderAddOns();
    renderMeters();
    renderPriceList();
  }

  // ---- the request ----

  /** A number as typed, for the server to judge; text that is not a number goes as text (the server says why). */
  function raw(text) {
    const s = text.trim();
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function body(forAdvice) {
    const month = $('#billingMonth').value.trim();
    const plan = $('#plan').value;
    const addOns = [];
    addOnOrder = [];
    const keep = !forAdvice || $('#keep-addons').checked;
    for (const d of $$('#addons .addon')) {
      const cb = $('input[type=checkbox]', d);
      if (!cb.checked || !keep) continue;
      const a = addOnDef(d.dataset.code);
      const entry = { type: a.code };
      const opt = $('select', d);
      if (a.option && opt && opt.value) entry[a.option.field] = Number(opt.value);
      addOns.push(entry);
      addOnOrder.push(a.code);
    }
    const usage = {};
    const clientErrors = [];
    for (const m of catalog.meters) {
      if (m.shape === 'COUNT' || m.shape === 'PEAK') {
        const v = $('#usage-' + m.field).value;
        if (v.trim() !== '') usage[m.field] = raw(v);
      } else if (m.shape === 'DAILY') {
        const series = [];
        for (const input of $$('#daily-' + m.seriesField + ' input[id$="-value"]')) {
          const daysInput = document.getElementById(input.id.replace(/-value$/, '-days'));
          const v = input.value.trim(), daysText = daysInput.value.trim();
          if (v === '' && daysText === '') continue;
          const days = daysText === '' ? 0 : Number(daysText);
          if (!Number.isInteger(days) || days < 0) {
            clientErrors.push(['usage.' + m.seriesField, t('daysInvalid', daysText)]);
            continue;
          }
          for (let day = 1; day <= days; day++) {
            const entry = { date: month + '-' + pad(day) };
            if (m.dimension) entry[m.dimension] = input.dataset.dim;
            entry[m.valueField] = raw(v === '' ? '0' : v);
            series.push(entry);
          }
        }
        if (series.length) usage[m.seriesField] = series;
      }
    }
    const b = forAdvice ? { appId: 'quote', billingMonth: month } : { billingMonth: month, plan };
    b.addOns = addOns;
    b.usage = usage;
    return { body: b, clientErrors };
  }

  // ---- errors next to the fields ----

  function clearErrors() {
    $$('form .err, #bill-card .err').forEach(e => { e.textContent = ''; });
    $$('.invalid').forEach(e => e.classList.remove('invalid'));
  }

  function showGeneral(text, where) {
    (where || $('#general-error')).textContent = text;
  }

  /** Puts the server's message next to the input its field names (usage.FIELD, addOns[i].OPTION, usage.SERIES[i].date). */
  function showFieldError(field, text, general) {
    let key = field || '$';
    const addOn = /^addOns\[(\d+)\]/.exec(key);
    if (addOn && addOnOrder[Number(addOn[1])]) key = 'addon:' + addOnOrder[Number(addOn[1])];
    const candidates = $$('.err[data-for]').map(e => e.dataset.for);
    let best = null;
    for (const c of candidates) {
      if ((key === c || key.startsWith(c + '.') || key.startsWith(c + '[')) && (!best || c.length > best.length)) best = c;
    }
    if (!best) { showGeneral(text, general); return; }
    const err = $$('.err[data-for]').find(e => e.dataset.for === best);
    err.textContent = text;
    $$('[data-field]').filter(i => i.dataset.field === best).forEach(i => i.classList.add('invalid'));
  }

  // ---- the bill ----

  function schedule() {
    clearTimeout(timer);
    $('#status').textContent = t('computing');
    document.body.dataset.quote = 'pending';
    timer = setTimeout(quote, 300);
  }

  async function quote() {
    const seq = ++quoteSeq;
    document.body.dataset.quote = 'pending';
    const { body: b, clientErrors } = body(false);
    clearErrors();
    if (clientErrors.length) {
      clientErrors.forEach(([f, m]) => showFieldError(f, m));
      blankBill(t('inputError'));
      return;
    }
    let r, data;
    try {
      r = await fetch('/v1/quote', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
      data = await r.json();
    } catch (e) {
      if (seq === quoteSeq) { blankBill(t('offline')); showGeneral(t('offlineDetail', e.message)); }
      return;
    }
    if (seq !== quoteSeq) return; // a newer input is being priced
    if (r.status === 200) {
      renderBill(data);
    } else {
      blankBill(t('inputError'));
      if (r.status === 400) showFieldError(data.field, data.error);
      else showGeneral(data.error || t('httpStatus', r.status));
    }
  }

  function blankBill(status) {
    $('#lines tbody').replaceChildren();
    $('#total').textContent = '—';
    $('#totals-split').textContent = '';
    $('#violations').replaceChildren();
    $('#status').textContent = status;
    document.body.dataset.quote = 'error';
  }

  function renderBill(bill) {
    const rows = bill.lines.map(l => el('tr', { class: 'line', 'data-code': l.code },
      el('td', {}, el('span', { class: 'description', text: l.description }), el('span', { class: 'code', text: l.code })),
      el('td', { class: 'num amount', text: l.amount })));
    $('#lines tbody').replaceChildren(...rows);
    $('#total').replaceChildren(el('span', { id: 'total-amount', text: bill.totals.total }), ' ' + catalog.currencyLabel);
    $('#totals-split').textContent = t('totalsSplit', bill.totals.prepaid, bill.totals.postpaid);
    $('#violations').replaceChildren(...bill.violations.map(v =>
      el('li', { class: 'violation', 'data-code': v.code }, t('violation', violationLabel(v.code), v.message))));
    $('#status').textContent = t(bill.violations.length ? 'billStatusViolations' : 'billStatus', planName(bill.plan), bill.billingMonth);
    document.body.dataset.quote = 'done';
  }

  // ---- the advisor ----

  async function advise() {
    const { body: b, clientErrors } = body(true);
    $('#advice-error').textContent = '';
    $('#advice').replaceChildren();
    $('#rejected').replaceChildren();
    if (clientErrors.length) { clientErrors.forEach(([f, m]) => showFieldError(f, m, $('#advice-error'))); return; }
    $('#advice-error').textContent = t('computing');
    document.body.dataset.advice = 'pending';
    let r, data;
    try {
      r = await fetch('/v1/advise?top=5', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
      data = await r.json();
    } catch (e) {
      $('#advice-error').textContent = t('offlineDetail', e.message);
      document.body.dataset.advice = 'error';
      return;
    }
    $('#advice-error').textContent = '';
    document.body.dataset.advice = r.status === 200 ? 'done' : 'error';
    if (r.status !== 200) {
      if (r.status === 400) showFieldError(data.field, data.error, $('#advice-error'));
      else showGeneral(data.error || t('httpStatus', r.status), $('#advice-error'));
      return;
    }
    if (!data.options.length) $('#advice-error').textContent = t('noOption');
    for (const o of data.options) {
      const names = o.addOns.map(a => {
        const def = addOnDef(a.type);
        return addOnName(a.type) + (def && def.option && a[def.option.field] !== undefined
          ? ' ' + t('optionValue', a[def.option.field], def.option.label) : '');
      });
      const use = el('button', { type: 'button', class: 'use', text: t('useOption') });
      use.addEventListener('click', () => apply(o));
      $('#advice').append(el('li', { class: 'option', 'data-rank': String(o.rank), 'data-plan': o.plan },
        el('span', { class: 'total', text: o.total + ' ' + catalog.currencyLabel }),
        el('strong', { class: 'plan-name', text: planName(o.plan) }),
        el('span', { text: names.length ? ' + ' + names.join(' + ') : catalog.addOns.length ? t('noAddOnsNeeded') : '' }),
        ...o.explain.map(w => el('div', { class: 'why', text: w })),
        use));
    }
    if (data.rejected.length) {
      $('#rejected').append(el('h3', { text: t('rejectedHeading') }),
        el('ul', {}, ...data.rejected.map(x => el('li', { class: 'rejected', 'data-plan': x.plan },
          t('rejected', planName(x.plan), x.explain.join(t('reasonSeparator')))))));
    }
  }

  function apply(option) {
    $('#plan').value = option.plan;
    renderAddOns();
    markChosenPlan();
    for (const d of $$('#addons .addon')) {
      const chosen = option.addOns.find(a => a.type === d.dataset.code);
      $('input[type=checkbox]', d).checked = !!chosen;
      const def = addOnDef(d.dataset.code), opt = $('select', d);
      if (chosen && def.option && opt) opt.value = String(chosen[def.option.field]);
    }
    schedule();
    window.scrollTo(0, $('#form').offsetTop);
  }

  // ---- the month ----

  function stepMonth(delta) {
    const text = $('#billingMonth').value.trim();
    const now = new Date();
    let [y, m] = MONTH.test(text) ? text.split('-').map(Number) : [now.getFullYear(), now.getMonth() + 1];
    m += delta;
    while (m < 1) { m += 12; y--; }
    while (m > 12) { m -= 12; y++; }
    $('#billingMonth').value = String(y).padStart(4, '0') + '-' + pad(m);
    monthChanged();
  }

  let shownMonth = null;
  async function monthChanged() {
    const month = $('#billingMonth').value.trim();
    if (MONTH.test(month) && month !== shownMonth) {
      if (await loadCatalog()) { shownMonth = catalog.priceList.month; renderAddOns(); renderPriceList(); }
    }
    schedule();
  }

  // ---- a reload of the rules ----

  async function watchRules() {
    if (document.hidden || !catalog) return;
    let health;
    try {
      const r = await fetch('/health', { cache: 'no-store' });
      health = await r.json();
    } catch (e) {
      return; // the server may be restarting; the next poll tries again
    }
    if (!health.rulesVersion || health.rulesVersion === catalog.rulesVersion) return;
    const language = catalog.language;
    if (!(await loadCatalog())) return;
    if (catalog.language !== language) { location.reload(); return; }
    renderAll();
    $('#rules-updated').textContent = t('rulesUpdated');
    quote();
  }

  // ---- start ----

  async function start() {
    const now = new Date();
    $('#billingMonth').value = now.getFullYear() + '-' + pad(now.getMonth() + 1);
    if (!(await loadCatalog())) return;
    shownMonth = catalog.priceList.month;
    renderAll();
    $('#form').addEventListener('input', e => { if (e.target.id !== 'billingMonth') schedule(); });
    $('#form').addEventListener('change', async (e) => {
      if (e.target.id === 'plan') { renderAddOns(); markChosenPlan(); }
      if (e.target.id === 'billingMonth') { await monthChanged(); return; }
      schedule();
    });
    $('#billingMonth').addEventListener('input', () => { if (MONTH.test($('#billingMonth').value.trim())) monthChanged(); else schedule(); });
    $('#month-prev').addEventListener('click', () => stepMonth(-1));
    $('#month-next').addEventListener('click', () => stepMonth(1));
    $('#advise').addEventListener('click', advise);
    setInterval(watchRules, POLL_MS);
    document.body.dataset.ready = 'true';
    quote();
  }

  start();
})();
