// Names the provider of each embed card in the reader and links the card to the original (a
// YouTube player's address -> the video's watch page), as the reader opens.
//
// The wasm finds embeds and makes a card of each (src/extract/embeds.rs) with the embed's own
// address; this table lives here because the full wasm module is at its size budget and the
// reader is the only place it is needed. Providers are told by their published embed URL formats
// (host and path), never by page markup. Nothing is fetched from them: the card is a link.

// [host, path before the id, provider, original before the id, original after the id]
const PLAYERS = [
  ['youtube.com', '/embed/', 'YouTube', 'https://www.youtube.com/watch?v=', ''],
  ['youtube-nocookie.com', '/embed/', 'YouTube', 'https://www.youtube.com/watch?v=', ''],
  ['youtube.com', '/shorts/', 'YouTube', 'https://www.youtube.com/watch?v=', ''],
  ['youtu.be', '/', 'YouTube', 'https://www.youtube.com/watch?v=', ''],
  ['player.vimeo.com', '/video/', 'Vimeo', 'https://vimeo.com/', ''],
  ['instagram.com', '/p/', 'Instagram', 'https://www.instagram.com/p/', '/'],
  ['instagram.com', '/reel/', 'Instagram', 'https://www.instagram.com/reel/', '/'],
];
// Hosts whose other addresses are linked as they are.
const HOSTS = {
  'youtube.com': 'YouTube', 'youtube-nocookie.com': 'YouTube', 'youtu.be': 'YouTube', 'vimeo.com': 'Vimeo',
  'player.vimeo.com': 'Vimeo', 'twitter.com': 'X', 'x.com': 'X', 'platform.twitter.com': 'X',
  'instagram.com': 'Instagram', 'tiktok.com': 'TikTok', 'bsky.app': 'Bluesky',
};
const ID = /^[\w-]{1,64}$/;
// Mastodon, any server: /@user/ID/embed or /users/user/statuses/ID/embed (and the post itself).
const MASTODON = /^(\/@[^/]+\/\d+|\/users\/[^/]+\/statuses\/\d+)(\/embed)?\/?$/;

// {provider, original} for an embed's address, or null when it is not a web address.
export function recogniseEmbed(address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^(www|m)\./, '');
  for (const [h, prefix, provider, before, after] of PLAYERS) {
    if (host !== h || !url.pathname.startsWith(prefix)) continue;
    const id = url.pathname.slice(prefix.length).split('/')[0];
    if (ID.test(id)) return { provider, original: before + id + after };
  }
  const tweet = url.searchParams.get('id') ?? '';
  if (host === 'platform.twitter.com' && url.pathname.startsWith('/embed/') && ID.test(tweet)) {
    return { provider: 'X', original: `https://x.com/i/web/status/${tweet}` };
  }
  // A post's address without the embed code's tracking query.
  if ((HOSTS[host] === 'X' && url.pathname.includes('/status/')) || HOSTS[host] === 'Bluesky') {
    return { provider: HOSTS[host], original: url.origin + url.pathname };
  }
  if (HOSTS[host]) return { provider: HOSTS[host], original: url.href };
  const post = MASTODON.exec(url.pathname);
  if (post) return { provider: `Mastodon (${host})`, original: url.origin + post[1] };
  return { provider: host, original: url.href };
}

const attr = (node, name) => node.attrs?.find(([k]) => k === name);

// Rewrites the reader tree's embed cards (`div.dc-embed > a`, a quoted post's text before the
// link) in place: the provider's name on top, the link to the original, labelled with the title
// or else the original's address.
export function describeEmbeds(tree) {
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (node.tag === 'div' && attr(node, 'class')?.[1] === 'dc-embed') describe(node);
    else stack.push(...(node.children ?? []));
  }
}

function describe(card) {
  const link = card.children?.findLast((c) => c?.tag === 'a');
  const href = link && attr(link, 'href');
  const found = href && recogniseEmbed(href[1]);
  if (!found) return;
  if (link.children?.[0] === href[1]) link.children = [found.original.replace(/^https?:\/\//, '')];
  href[1] = found.original;
  card.children.unshift({ tag: 'small', attrs: [['class', 'dc-embed-provider']], children: [found.provider] });
}
