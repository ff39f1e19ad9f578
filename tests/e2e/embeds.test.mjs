// extension/embeds.js: providers and originals from the providers' published embed URL formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEmbeds, recogniseEmbed } from '../../extension/embeds.js';

test('embed addresses name their provider and the original', () => {
  const cases = [
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0', 'YouTube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'YouTube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'Vimeo', 'https://vimeo.com/76979871'],
    ['https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1460323737035677698', 'X', 'https://x.com/i/web/status/1460323737035677698'],
    ['https://twitter.com/a/status/184?ref_src=twsrc', 'X', 'https://twitter.com/a/status/184'],
    ['https://www.instagram.com/p/CxYz123/embed/captioned/', 'Instagram', 'https://www.instagram.com/p/CxYz123/'],
    ['https://www.tiktok.com/embed/v2/7106594312292453675', 'TikTok', 'https://www.tiktok.com/embed/v2/7106594312292453675'],
    ['https://mastodon.social/@Gargron/109315394445377283/embed', 'Mastodon (mastodon.social)', 'https://mastodon.social/@Gargron/109315394445377283'],
    ['https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3laya4nwvxc2o?ref_src=embed', 'Bluesky', 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3laya4nwvxc2o'],
    ['https://maps.example.org/embed?q=harbour', 'maps.example.org', 'https://maps.example.org/embed?q=harbour'],
  ];
  for (const [url, provider, original] of cases) assert.deepEqual(recogniseEmbed(url), { provider, original }, url);
  assert.equal(recogniseEmbed('javascript:alert(1)'), null);
});

test('cards in the reader tree get the provider and the original', () => {
  const card = (href, label) => ({ tag: 'div', attrs: [['class', 'dc-embed']], children: [{ tag: 'a', attrs: [['href', href], ['rel', 'noreferrer']], children: [label] }] });
  const tree = { tag: 'article', attrs: [], children: ['text', card('https://player.vimeo.com/video/1', 'https://player.vimeo.com/video/1'), card('https://youtu.be/abc', 'A title')] };
  describeEmbeds(tree);
  assert.deepEqual(tree.children[1].children, [
    { tag: 'small', attrs: [['class', 'dc-embed-provider']], children: ['Vimeo'] },
    { tag: 'a', attrs: [['href', 'https://vimeo.com/1'], ['rel', 'noreferrer']], children: ['vimeo.com/1'] },
  ]);
  assert.equal(tree.children[2].children[1].children[0], 'A title');
});

test('a quoted post\'s card keeps its text before the link', () => {
  const quote = { tag: 'blockquote', attrs: [], children: [{ tag: 'p', attrs: [], children: ['Two tails tonight'] }] };
  const href = 'https://twitter.com/a/status/184?ref_src=twsrc';
  const card = { tag: 'div', attrs: [['class', 'dc-embed']], children: [quote, { tag: 'a', attrs: [['href', href]], children: [href] }] };
  describeEmbeds({ tag: 'article', attrs: [], children: [card] });
  assert.deepEqual(card.children.map((c) => c.tag), ['small', 'blockquote', 'a']);
  assert.deepEqual(card.children[2], { tag: 'a', attrs: [['href', 'https://twitter.com/a/status/184']], children: ['twitter.com/a/status/184'] });
});
