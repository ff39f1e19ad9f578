// A toolbar menu of the reader: a button that opens a list of buttons (role=menu), keyboard
// reachable (Enter/Space open it, arrow keys move, Escape closes it before the reader). The Keep
// and Contents menus are built with it, and so can any other toolbar menu.
import { declutterMessage as t } from './i18n.js';

// `name` is the toggle's stable handle (data-control) and the message key of its label.
export function toolbarMenu(name) {
  const wrap = document.createElement('span');
  wrap.className = 'dc-menu';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.dataset.control = name;
  toggle.textContent = t(name);
  toggle.setAttribute('aria-haspopup', 'menu');
  toggle.setAttribute('aria-expanded', 'false');
  const list = document.createElement('div');
  list.className = 'dc-menu-list';
  list.setAttribute('role', 'menu');
  list.setAttribute('aria-label', t(name));
  list.hidden = true;
  wrap.append(toggle, list);

  function open() {
    list.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    list.querySelector('button')?.focus();
  }
  // Answers whether the menu was open.
  function close() {
    const was = !list.hidden;
    list.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    return was;
  }
  toggle.addEventListener('click', () => (list.hidden ? open() : close()));
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...list.querySelectorAll('button')];
    const at = items.indexOf(e.target);
    items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length].focus();
    e.preventDefault();
  });

  return {
    element: wrap,
    // An item: `control` its data-control, `text` what it says, `run` what it does (the menu
    // closes first and focus goes back to the toggle, unless `run` moves it elsewhere).
    add(control, text, run) {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'menuitem');
      b.dataset.control = control;
      b.textContent = text;
      b.addEventListener('click', () => {
        close();
        toggle.focus();
        run();
      });
      list.append(b);
      return b;
    },
    // Escape: closes an open menu and gives focus back to its button; false when it was closed.
    close: () => close() && (toggle.focus(), true),
  };
}
