// 价格计算器：套餐、增值服务和用量输入全部按 /v1/catalog 生成；账单由 /v1/quote 计算，最便宜的套餐由 /v1/advise 给出。
// 本页不做任何金额计算，只显示服务器返回的字符串。
'use strict';

(function () {
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

  // ---- catalog ----

  async function loadCatalog() {
    const month = $('#billingMonth').value;
    const r = await fetch('/v1/catalog' + (month ? '?month=' + encodeURIComponent(month) : ''));
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      showGeneral(body.error || ('目录读取失败 HTTP ' + r.status));
      return false;
    }
    catalog = await r.json();
    $('#rules-version').textContent = '（规则版本 ' + catalog.rulesVersion.substring(0, 12) + '）';
    return true;
  }

  function planName(code) {
    const p = catalog.plans.find(x => x.code === code);
    return p ? p.name : code;
  }
  function addOnDef(code) { return catalog.addOns.find(a => a.code === code); }
  function addOnName(code) { const a = addOnDef(code); return a ? a.name : code; }
  function meterOf(code) { return catalog.meters.find(m => m.code === code); }
  function meterOfField(field) { return catalog.meters.find(m => m.field === field || m.seriesField === field); }
  function violationLabel(code) { const v = catalog.violations.find(x => x.code === code); return v ? v.label : code; }

  function renderPlans() {
    const select = $('#plan');
    const before = select.value;
    select.replaceChildren(...catalog.plans.map(p => el('option', { value: p.code, text: p.name + '（' + p.code + '）' })));
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
    for (const a of catalog.addOns) {
      const offered = a.offeredOn.includes(plan);
      const id = 'addon-' + a.code;
      const cb = el('input', { type: 'checkbox', id, 'data-field': 'addon:' + a.code, disabled: !offered });
      cb.checked = offered && !!(chosen[a.code] && chosen[a.code].on);
      const label = el('label', { for: id }, ' ' + a.name + (offered ? '' : '（本套餐不提供）'));
      const div = el('div', { class: 'addon' + (offered ? '' : ' unavailable'), 'data-code': a.code }, cb, label);
      if (a.option) {
        const values = a.option.values[plan] || [];
        const select = el('select', { id: 'option-' + a.code, 'aria-label': a.name + ' ' + a.option.label,
          disabled: !offered || values.length === 0 });
        for (const v of values) select.append(el('option', { value: String(v), text: v + ' ' + a.option.label }));
        const before = chosen[a.code] && chosen[a.code].option;
        if (before && values.map(String).includes(before)) select.value = before;
        div.append(el('br'), select);
      }
      div.append(el('div', { class: 'err', 'data-for': 'addon:' + a.code }));
      box.append(div);
    }
  }

  function renderMeters() {
    const box = $('#meters');
    box.replaceChildren();
    for (const m of catalog.meters) {
      if (m.shape === 'COUNT' || m.shape === 'PEAK') {
        const id = 'usage-' + m.field;
        box.append(el('div', { class: 'row' },
          el('label', { for: id, text: m.label }),
          el('input', { type: 'text', inputmode: 'numeric', id, 'data-field': 'usage.' + m.field, placeholder: '0' }),
          el('span', { class: 'unit', text: m.unit || '' }),
          el('span', { class: 'err', 'data-for': 'usage.' + m.field })));
        if (m.shape === 'PEAK') {
          // a daily series gives the same peak; the calculator asks for the peak only
          box.lastChild.title = '月内峰值（也可在接口里给每日序列 ' + m.seriesField + '）';
        }
      } else if (m.shape === 'DAILY') {
        const table = el('table', { class: 'daily', id: 'daily-' + m.seriesField });
        table.append(el('thead', {}, el('tr', {},
          el('th', { text: m.dimension ? '' : '' }),
          el('th', { text: '每日峰值（' + (m.unit || '') + '）' }),
          el('th', { text: '天数' }))));
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
              'data-field': 'usage.' + m.seriesField, placeholder: '0', 'aria-label': m.label + ' ' + (d.label || '') + ' 天数' }))));
        }
        table.append(body);
        box.append(el('div', { class: 'row' },
          el('label', { text: m.label }),
          el('span', { class: 'small', text: '按每天相同的峰值计，从账单月 1 日起连续若干天' })),
          table,
          el('div', { class: 'err', 'data-for': 'usage.' + m.seriesField }));
      }
    }
  }

  // ---- the request ----

  /** A number as typed, for the server to judge; text that is not a number goes as text (the server says why). */
  function raw(text) {
    const t = text.trim();
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function body(forAdvice) {
    const month = $('#billingMonth').value;
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
            clientErrors.push(['usage.' + m.seriesField, '天数须为不小于 0 的整数：' + daysText]);
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
    $$('.err').forEach(e => { e.textContent = ''; });
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
    $('#status').textContent = '计算中…';
    document.body.dataset.quote = 'pending';
    timer = setTimeout(quote, 300);
  }

  async function quote() {
    const seq = ++quoteSeq;
    document.body.dataset.quote = 'pending';
    const { body: b, clientErrors } = body(false);
    clearErrors();
    if (clientErrors.length) {
      clientErrors.forEach(([f, t]) => showFieldError(f, t));
      blankBill('输入有误');
      return;
    }
    let r, data;
    try {
      r = await fetch('/v1/quote', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
      data = await r.json();
    } catch (e) {
      if (seq === quoteSeq) { blankBill('无法连接服务器'); showGeneral('无法连接服务器：' + e.message); }
      return;
    }
    if (seq !== quoteSeq) return; // a newer input is being priced
    if (r.status === 200) {
      renderBill(data);
    } else {
      blankBill('输入有误');
      if (r.status === 400) showFieldError(data.field, data.error);
      else showGeneral(data.error || ('HTTP ' + r.status));
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
    $('#totals-split').textContent = '（预付费 ' + bill.totals.prepaid + '，后付费 ' + bill.totals.postpaid + '）';
    $('#violations').replaceChildren(...bill.violations.map(v =>
      el('li', { class: 'violation', 'data-code': v.code }, violationLabel(v.code) + '：' + v.message)));
    $('#status').textContent = planName(bill.plan) + ' · ' + bill.billingMonth + (bill.violations.length ? ' · 有违规' : '');
    document.body.dataset.quote = 'done';
  }

  // ---- the advisor ----

  function whyText(w) {
    let m = /^(\S+) (\S+) > (\S+) on (.+): (\S+)$/.exec(w);
    if (m) {
      const meter = meterOfField(m[1]);
      return (meter ? meter.label : m[1]) + ' ' + m[2] + ' 超过' + m[4] + '上限 ' + m[3] + '，需要「' + addOnName(m[5]) + '」';
    }
    m = /^wanted: (\S+)$/.exec(w);
    if (m) return '「' + addOnName(m[1]) + '」是您要求的';
    return w;
  }

  function reasonText(r) {
    const [code, subject] = r.split(' ');
    const meter = meterOf(subject);
    const what = meter ? meter.label : addOnDef(subject) ? addOnName(subject) : subject;
    return violationLabel(code) + '：' + what;
  }

  async function advise() {
    const { body: b, clientErrors } = body(true);
    $('#advice-error').textContent = '';
    $('#advice').replaceChildren();
    $('#rejected').replaceChildren();
    if (clientErrors.length) { clientErrors.forEach(([f, t]) => showFieldError(f, t, $('#advice-error'))); return; }
    $('#advice-error').textContent = '计算中…';
    document.body.dataset.advice = 'pending';
    const r = await fetch('/v1/advise?top=5', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
    const data = await r.json();
    $('#advice-error').textContent = '';
    document.body.dataset.advice = r.status === 200 ? 'done' : 'error';
    if (r.status !== 200) {
      if (r.status === 400) showFieldError(data.field, data.error, $('#advice-error'));
      else showGeneral(data.error || ('HTTP ' + r.status), $('#advice-error'));
      return;
    }
    if (!data.options.length) $('#advice-error').textContent = '没有一个套餐能满足这样的用量。';
    for (const o of data.options) {
      const names = o.addOns.map(a => {
        const def = addOnDef(a.type);
        return addOnName(a.type) + (def && def.option && a[def.option.field] !== undefined ? ' ' + a[def.option.field] + ' ' + def.option.label : '');
      });
      const use = el('button', { type: 'button', class: 'use', text: '使用此方案' });
      use.addEventListener('click', () => apply(o));
      $('#advice').append(el('li', { class: 'option', 'data-rank': String(o.rank), 'data-plan': o.plan },
        el('span', { class: 'total', text: o.total + ' ' + catalog.currencyLabel }),
        el('strong', { class: 'plan-name', text: planName(o.plan) }),
        el('span', { text: names.length ? ' + ' + names.join(' + ') : '（不需要增值服务）' }),
        ...o.why.map(w => el('div', { class: 'why', text: whyText(w) })),
        use));
    }
    if (data.rejected.length) {
      $('#rejected').append(el('h3', { text: '不适用的套餐' }),
        el('ul', {}, ...data.rejected.map(x => el('li', { class: 'rejected', 'data-plan': x.plan },
          planName(x.plan) + '：' + x.reasons.map(reasonText).join('；')))));
    }
  }

  function apply(option) {
    $('#plan').value = option.plan;
    renderAddOns();
    for (const d of $$('#addons .addon')) {
      const chosen = option.addOns.find(a => a.type === d.dataset.code);
      $('input[type=checkbox]', d).checked = !!chosen;
      const def = addOnDef(d.dataset.code), opt = $('select', d);
      if (chosen && def.option && opt) opt.value = String(chosen[def.option.field]);
    }
    schedule();
    window.scrollTo(0, 0);
  }

  // ---- start ----

  async function start() {
    const now = new Date();
    $('#billingMonth').value = now.getFullYear() + '-' + pad(now.getMonth() + 1);
    if (!(await loadCatalog())) return;
    renderPlans();
    renderAddOns();
    renderMeters();
    $('#form').addEventListener('input', schedule);
    $('#form').addEventListener('change', async (e) => {
      if (e.target.id === 'plan') renderAddOns();
      if (e.target.id === 'billingMonth') { await loadCatalog(); renderAddOns(); }
      schedule();
    });
    $('#advise').addEventListener('click', advise);
    document.body.dataset.ready = 'true';
    quote();
  }

  start();
})();
