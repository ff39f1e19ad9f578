// Selectors for a person's own rules ("hide this", "keep this", "the article is here") that
// survive the page being rendered again: built from what stays the same between renders (an id
// that a person or a CMS wrote, class names that are words, the tag path), never from positions
// alone when something better exists. Each rule also keeps the length of the text it matched:
// an element whose text is far from it is not the one the person meant, and is left alone.
export const DeclutterSelectors = (() => {
  // Ids and classes that a framework or a build made up: long digit runs, hashes, CSS-module and
  // styled-components suffixes, React's useId (":r1:").
  const GENERATED = /\d{3,}|(?=[0-9a-f]*\d)[0-9a-f]{8,}|^(css|sc|jsx|svelte|emotion)-|:|__\w*\d\w*$|^[a-z]{1,2}\d/;
  // Classes that say what state an element is in now, not what it is.
  const STATE = /^(is|has|js)-|active|open|show|hidden|visible|hover|focus|selected|current|expanded|collapsed|loaded|sticky|fixed/i;
  const MAX_DEPTH = 6;

  const stableId = (el) => el.id && !GENERATED.test(el.id) && /^[A-Za-z][\w-]*$/.test(el.id);
  const stableClasses = (el) =>
    [...el.classList].filter((c) => /^[A-Za-z][\w-]*$/.test(c) && !GENERATED.test(c) && !STATE.test(c)).slice(0, 3);

  // One step of the path: the tag, its stable classes, and :nth-of-type only when those do not
  // tell it from its siblings.
  function step(el) {
    if (stableId(el)) return `#${CSS.escape(el.id)}`;
    let s = el.localName.includes('-') ? el.localName : CSS.escape(el.localName);
    for (const c of stableClasses(el)) s += `.${CSS.escape(c)}`;
    const parent = el.parentElement;
    if (parent) {
      const alike = [...parent.children].filter((c) => c.localName === el.localName && c.matches(s));
      if (alike.length > 1) s += `:nth-of-type(${[...parent.children].filter((c) => c.localName === el.localName).indexOf(el) + 1})`;
    }
    return s;
  }

  // The shortest path upwards that matches `el` alone, from a stable id or at most MAX_DEPTH steps.
  function build(el) {
    const parts = [];
    for (let at = el; at && at !== document.documentElement && parts.length < MAX_DEPTH; at = at.parentElement) {
      parts.unshift(step(at));
      const selector = parts.join(' > ');
      if (parts[0].startsWith('#') || (document.querySelectorAll(selector).length === 1 && parts.length >= 2)) return selector;
      if (at.localName === 'body') break;
    }
    return parts.join(' > ');
  }

  const textLength = (el) => el.textContent.replace(/\s+/g, ' ').trim().length;

  // True when `el`'s text is near the length the rule was made on.
  function sane(el, rule) {
    if (typeof rule.text !== 'number') return true;
    return Math.abs(textLength(el) - rule.text) <= Math.max(40, rule.text * 0.5);
  }

  // The elements a rule matches now (none for a selector this browser cannot read).
  function find(rule, root = document) {
    try {
      return [...root.querySelectorAll(rule.selector)].filter((el) => sane(el, rule));
    } catch {
      return [];
    }
  }

  const matches = (el, rule) => {
    try {
      return el.matches(rule.selector) && sane(el, rule);
    } catch {
      return false;
    }
  };

  const ruleFor = (el) => ({ selector: build(el), text: textLength(el) });

  // A short name for reports: tag, id, first classes.
  const describe = (el) => el.localName + (el.id ? `#${el.id}` : '') + [...el.classList].slice(0, 2).map((c) => `.${c}`).join('');

  return { build, ruleFor, find, matches, sane, describe };
})();
