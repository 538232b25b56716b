// A small SVG bar chart of calls and bad calls per day: two bars a day, the scale's top, every fifth day named.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 220;
const LEFT = 48;
const BOTTOM = 24;
const TOP = 12;

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Draws {day, calls, badCalls} items, oldest first, into the svg element. */
export function drawCalls(target, days) {
  const max = Math.max(1, ...days.map(day => day.calls));
  const slot = (WIDTH - LEFT) / Math.max(1, days.length);
  const bar = Math.max(1, slot / 2 - 1);
  const plot = HEIGHT - BOTTOM - TOP;
  const y = value => HEIGHT - BOTTOM - (value / max) * plot;
  const nodes = [
    svg('line', { class: 'axis', x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH, y2: HEIGHT - BOTTOM }),
    svg('line', { class: 'axis', x1: LEFT, y1: TOP, x2: LEFT, y2: HEIGHT - BOTTOM }),
    svg('text', { class: 'tick', x: LEFT - 4, y: TOP + 4, 'text-anchor': 'end' }, String(max)),
    svg('text', { class: 'tick', x: LEFT - 4, y: HEIGHT - BOTTOM, 'text-anchor': 'end' }, '0'),
  ];
  days.forEach((day, i) => {
    const x = LEFT + i * slot + 1;
    const calls = svg('rect', { class: 'bar-calls', x, y: y(day.calls), width: bar, height: HEIGHT - BOTTOM - y(day.calls) });
    calls.append(svg('title', {}, `${day.day}: ${day.calls} calls`));
    const bad = svg('rect', { class: 'bar-bad', x: x + bar, y: y(day.badCalls), width: bar,
      height: HEIGHT - BOTTOM - y(day.badCalls) });
    bad.append(svg('title', {}, `${day.day}: ${day.badCalls} bad calls`));
    nodes.push(calls, bad);
    if ((days.length - 1 - i) % 5 === 0) {
      nodes.push(svg('text', { class: 'tick', x: x + bar, y: HEIGHT - 6, 'text-anchor': 'middle' }, day.day.slice(5)));
    }
  });
  target.replaceChildren(...nodes);
}
