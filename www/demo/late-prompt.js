// The demo page's own script: like many news sites, it pops a newsletter modal a moment after
// load (declutter's MutationObserver should hide it when it arrives).
setTimeout(() => {
  const modal = document.createElement('div');
  modal.className = 'newsletter-modal';
  modal.setAttribute('role', 'dialog');
  modal.setAttribute('data-expect', 'newsletter');
  const box = document.createElement('div');
  box.className = 'newsletter-modal__box';
  const heading = document.createElement('h2');
  heading.textContent = 'Never miss a story';
  const text = document.createElement('p');
  text.textContent = 'Sign up for our free daily newsletter and get the news that matters delivered to your inbox.';
  const form = document.createElement('form');
  const email = document.createElement('input');
  email.type = 'email';
  email.placeholder = 'Your email';
  const submit = document.createElement('button');
  submit.textContent = 'Subscribe';
  form.append(email, submit);
  box.append(heading, text, form);
  modal.append(box);
  document.body.append(modal);
}, 1500);
