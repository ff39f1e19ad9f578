// A page that keeps inserting content (a feed, lazy ad slots, a late newsletter box): TOTAL_NODES
// nodes over DURATION_MS, in small subtrees every TICK_MS. Start with `declutterInsert()`; the
// returned promise resolves when the last subtree is in.
const INSERT_TOTAL_NODES = 10_000;
const INSERT_DURATION_MS = 3_000;
const INSERT_TICK_MS = 16;
function declutterInsert() {
  const feed = document.getElementById('feed');
  const ticks = Math.ceil(INSERT_DURATION_MS / INSERT_TICK_MS);
  let inserted = 0;
  let item = 0;
  // One item is 5 nodes: div, p, text, a, text (every 10th a newsletter box, every 7th an ad slot).
  function add() {
    const div = document.createElement('div');
    const kind = item % 10 === 0 ? 'newsletter-signup' : item % 7 === 0 ? 'ad-slot sponsored' : 'feed-item';
    div.className = kind;
    const p = document.createElement('p');
    p.textContent = kind === 'newsletter-signup' ? 'Subscribe to our newsletter' : `Item ${item}: some words of a story teaser here.`;
    const a = document.createElement('a');
    a.href = `/story/${item}`;
    a.textContent = 'Read more';
    div.append(p, a);
    feed.append(div);
    inserted += 5;
    item++;
  }
  return new Promise((done) => {
    const perTick = Math.ceil(INSERT_TOTAL_NODES / 5 / ticks);
    const timer = setInterval(() => {
      for (let i = 0; i < perTick && inserted < INSERT_TOTAL_NODES; i++) add();
      if (inserted >= INSERT_TOTAL_NODES) {
        clearInterval(timer);
        done(inserted);
      }
    }, INSERT_TICK_MS);
  });
}
