// Bench only, runs in the portal page's main world (added before the page loads).
// `window.__benchListChurn.run(rows, intervalMs, durationMs)`: a Fluent DetailsList-like list of
// `rows` improvement-action rows (title link with actionId, "…" menu button, a few cells) in the
// page's main area, every row replaced every `intervalMs`, for `durationMs` of wall time.
// Resolves with the number of ticks that ran and the wall time, after the last one.
(() => {
  let ticks = 0;

  function row(index, tick) {
    const cell = document.createElement('div');
    cell.className = 'ms-List-cell';
    cell.setAttribute('data-list-index', String(index));
    const rowEl = document.createElement('div');
    rowEl.className = 'ms-DetailsRow';
    rowEl.setAttribute('role', 'row');
    rowEl.setAttribute('data-item-index', String(index));
    const fields = document.createElement('div');
    fields.className = 'ms-DetailsRow-fields';
    fields.setAttribute('role', 'presentation');
    const title = document.createElement('div');
    title.className = 'ms-DetailsRow-cell';
    title.setAttribute('role', 'gridcell');
    title.setAttribute('data-automation-key', 'title');
    const link = document.createElement('a');
    link.className = 'ms-Link';
    // Action ids without tickets: the extension looks at every row, and shows nothing.
    link.href = '/securescore?viewid=actions&actionId=BenchChurn' + index;
    link.textContent = 'Churning action ' + index + ' (' + tick + ')';
    title.append(link);
    const more = document.createElement('div');
    more.className = 'ms-DetailsRow-cell';
    more.setAttribute('role', 'gridcell');
    more.setAttribute('data-automation-key', 'more');
    const button = document.createElement('button');
    button.className = 'ms-Button ms-Button--icon';
    button.setAttribute('aria-haspopup', 'true');
    button.setAttribute('aria-label', 'More actions');
    const glyph = document.createElement('i');
    glyph.className = 'ms-Icon';
    glyph.setAttribute('data-icon-name', 'More');
    glyph.setAttribute('aria-hidden', 'true');
    button.append(glyph);
    more.append(button);
    fields.append(title, more);
    for (const key of ['points', 'status', 'category']) {
      const plain = document.createElement('div');
      plain.className = 'ms-DetailsRow-cell';
      plain.setAttribute('role', 'gridcell');
      plain.setAttribute('data-automation-key', key);
      plain.textContent = key + ' ' + ((index + tick) % 10);
      fields.append(plain);
    }
    rowEl.append(fields);
    cell.append(rowEl);
    return cell;
  }

  function run(rows, intervalMs, durationMs) {
    const host = document.createElement('div');
    host.className = 'ms-DetailsList bench-list-churn';
    host.setAttribute('role', 'grid');
    (document.querySelector('main') || document.body).append(host);
    const started = performance.now();
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        ticks++;
        const frag = document.createDocumentFragment();
        for (let i = 0; i < rows; i++) frag.append(row(i, ticks));
        host.replaceChildren(frag);
        if (performance.now() - started >= durationMs) {
          clearInterval(timer);
          host.remove();
          resolve({ ticks, wallMs: performance.now() - started });
        }
      }, intervalMs);
    });
  }

  window.__benchListChurn = { run };
})();
