// Loaded into the guide screenshots' pages as an init script (test/guides/screenshots.e2e-spec.ts): plain
// JavaScript, because the tests are compiled without the DOM's types.
/* eslint-disable */
/**
 * Runs in the page before its scripts (an init script): replaces, in every text node the app writes, the server's origin, any SHA-256 and any date (the app's
 * Indonesian "6 Des 2026" or "6 Des 2026, 20.49") within 60 days of `today` — moved to the same distance from
 * `shownToday`, at 09.00. Dates further away (the demo's 2024 edition, the 2027 deadline) are fixed data.
 */
function steady(a) {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const day = 86400_000;
  const today = Date.parse(`${a.today}T00:00:00Z`);
  const shown = Date.parse(`${a.shownToday}T00:00:00Z`);
  const date = new RegExp(`\\b(\\d{1,2}) (${months.join('|')}) (\\d{4})(, \\d{2}\\.\\d{2})?`, 'g');
  const move = (_m, d, mon, y, time) => {
    const at = Date.UTC(Number(y), months.indexOf(mon), Number(d));
    if (Math.abs(at - today) > 60 * day) return _m;
    const to = new Date(shown + Math.round((at - today) / day) * day);
    return `${to.getUTCDate()} ${months[to.getUTCMonth()]} ${to.getUTCFullYear()}${time ? ', 09.00' : ''}`;
  };
  // What this script wrote into a node: writing it is a mutation too, and the text is not to be moved twice.
  const written = new WeakMap();
  const fix = (n) => {
    if (n.nodeType !== Node.TEXT_NODE) {
      n.childNodes.forEach(fix);
      return;
    }
    const before = n.nodeValue ?? '';
    if (written.get(n) === before) return;
    const after = before
      .split(a.origin)
      .join(a.shownOrigin)
      .replace(/sha256:[0-9a-f]{64}/g, a.shownHash)
      .replace(date, move);
    if (after === before) return;
    written.set(n, after);
    n.nodeValue = after;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') fix(r.target);
      else r.addedNodes.forEach(fix);
    }
  }).observe(document, { childList: true, characterData: true, subtree: true });
}
