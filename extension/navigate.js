// Moving around inside the reader: a Contents menu for articles with three or more headings, and
// in-page links (`#id`, footnote references) that move within the reader and back.
//
// Every move scrolls the reader's own scroller and nothing else: an in-page link is never
// followed, so the page's URL (and a router listening to it) never sees a `#fragment`, and the
// page under the reader never scrolls.
//
// Footnotes: the article model keeps the notes in order but not the page's anchor ids, so a
// reference finds its note by the numbered-notes convention, as the Markdown writer does
// (src/render/markdown.rs): an in-page link whose text is a number n goes to note n. A link to an
// id the reader does have goes there. The note gets a Back button to the reference.
import { declutterMessage as t } from './i18n.js';
import { toolbarMenu } from './menu.js';

// The Contents menu, or null for an article with fewer than three headings. `addHeadings(el)`
// adds the headings in `el` (a multi-page article's following page) at the end.
export function contentsMenu(article, scroller) {
  const headingsIn = (el, selector) => [...el.querySelectorAll(selector)].filter((h) => h.textContent.trim());
  const headings = headingsIn(article, '.dc-body h2, .dc-body h3');
  if (headings.length < 3) return null;
  const menu = toolbarMenu('contents');
  let count = 0;
  const add = (list) => list.forEach((h) => {
    const item = menu.add(`heading-${++count}`, h.textContent.trim().replace(/\s+/g, ' '), () => moveTo(scroller, h));
    if (h.localName === 'h3') item.classList.add('dc-sub');
  });
  add(headings);
  return { ...menu, addHeadings: (el) => add(headingsIn(el, 'h2, h3')) };
}

// Handles clicks on the article's in-page links.
export function followInPageLinks(article, scroller) {
  article.addEventListener('click', (e) => {
    const link = e.target.closest?.('a[href^="#"]');
    if (!link || !article.contains(link)) return;
    // Never followed: the page's location stays as it is.
    e.preventDefault();
    const target = targetOf(article, link);
    if (!target) return;
    moveTo(scroller, target);
    offerBack(target, link, scroller);
  });
}

function targetOf(article, link) {
  const id = decodeURIComponent(link.getAttribute('href').slice(1));
  const byId = id && [...article.querySelectorAll('[id]')].find((el) => el.id === id);
  if (byId) return byId;
  const n = Number(link.textContent.trim().replace(/^\[(.*)\]$/, '$1'));
  const notes = article.querySelectorAll('.dc-footnotes > ol > li');
  return Number.isInteger(n) && n >= 1 && n <= notes.length ? notes[n - 1] : null;
}

// Scrolls the reader so that `el` is near the top, and puts keyboard focus there.
export function moveTo(scroller, el) {
  const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += top - 16;
  if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus({ preventScroll: true });
}

// A Back button at the end of the note, to the reference the person came from.
function offerBack(target, from, scroller) {
  target.querySelector(':scope > .dc-back')?.remove();
  const back = document.createElement('button');
  back.type = 'button';
  back.className = 'dc-back';
  back.dataset.control = 'backToText';
  back.textContent = `↩ ${t('backToText')}`;
  back.addEventListener('click', () => {
    back.remove();
    moveTo(scroller, from);
  });
  target.append(back);
}
