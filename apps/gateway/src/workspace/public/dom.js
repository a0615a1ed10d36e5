/** Builds an element; text is always set as text, never parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Announces a result to screen readers and shows it; errors use the alert region. */
export function announce(message, { error = false } = {}) {
  const region = document.getElementById(error ? 'alert' : 'status');
  if (!region) return;
  // A result that went through replaces an earlier failure still on show.
  if (!error) document.getElementById('alert')?.replaceChildren();
  region.textContent = '';
  // A change of text after clearing is what makes assistive technology read it again.
  requestAnimationFrame(() => (region.textContent = message));
}
