// Building the pages' elements: text always goes in as textContent, so a string from the server or
// a user can never become markup (the pages never parse strings as HTML).

/** el('button', {type: 'button', 'aria-label': 'Answer'}, 'Answer') */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces every child of `node`. */
export function replace(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** The element with this id; throws when the page lacks it (a typo, not a run-time condition). */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`no element #${id}`);
  return node;
}

/** Shows or hides an element (the `hidden` attribute, which base.css makes win over display rules). */
export function show(node, visible) {
  node.hidden = !visible;
}
