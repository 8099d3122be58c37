// Bench only: the naive way to do the overlay's DOM job, run as its own script in an isolated
// world (like a content script) so the profiler attributes its time the same way as ours.
// Every __INTERVAL_MS__ ms: querySelectorAll for open Share menus (put one item in each) and for
// improvement-action rows (put a status marker next to an action with a ticket).
(() => {
  const MARK = 'data-naive-item';
  const ticketsByAction = new Map();

  function shareMenus() {
    for (const button of document.querySelectorAll('button[aria-expanded="true"], [role="menuitem"][aria-expanded="true"]')) {
      if (!button.querySelector('[data-icon-name="Share"]')) continue;
      const controls = button.getAttribute('aria-controls');
      const menus = controls ? [document.getElementById(controls)] : [...document.querySelectorAll('[role="menu"]')];
      for (const menu of menus) {
        const list = menu && menu.querySelector('ul');
        if (!list || !list.querySelector('[data-icon-name="Link"]') || list.querySelector('[' + MARK + ']')) continue;
        const item = document.createElement('li');
        item.setAttribute(MARK, 'share');
        item.textContent = 'ServiceNow';
        list.append(item);
      }
    }
  }

  function rows() {
    for (const row of document.querySelectorAll('.ms-DetailsRow, [role="row"]')) {
      const link = row.querySelector('a[href*="actionId="]');
      if (!link) continue;
      const actionId = new URL(link.href).searchParams.get('actionId');
      const ticket = actionId && ticketsByAction.get(actionId);
      if (!ticket || row.querySelector('[' + MARK + ']')) continue;
      const badge = document.createElement('span');
      badge.setAttribute(MARK, 'status');
      badge.textContent = ticket;
      link.after(badge);
    }
  }

  setInterval(() => {
    shareMenus();
    rows();
  }, __INTERVAL_MS__);
})();
