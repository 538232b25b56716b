// One call on the desk: its number, direction, state, hold/mute and duration, and a button for each
// action its state allows and the agent is granted. Built once per call and updated in place, so the
// keyboard focus and a half-typed transfer number survive every event.
import { el } from '/web/common/dom.js';

const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export class CallCard {
  /** `send(name, fields)` sends a command; `granted(name)` says whether the agent may. */
  constructor(call, send, granted) {
    this.cid = call.cid;
    const id = `call-${String(call.cid).replace(/[^A-Za-z0-9_-]/g, '_')}`;
    this.title = el('h3', { class: 'call-number' });
    this.facts = el('p', { class: 'call-facts' });
    this.duration = el('span', { class: 'call-duration', title: 'time in this state' });
    const button = (label, command, fields, extra = {}) => {
      const node = el('button', { type: 'button', 'data-command': command, ...extra }, label);
      node.addEventListener('click', () => send(command, { cid: this.cid, ...fields() }));
      return node;
    };
    this.buttons = {
      answer: button('Answer', 'Answer', () => ({}), { class: 'primary' }),
      hangup: button('Hang up', 'Hangup', () => ({}), { class: 'danger' }),
      hold: button('Hold', 'Hold', () => ({ on: !this.call.hold })),
      mute: button('Mute', 'Mute', () => ({ on: !this.call.muted })),
      close: button('Close', 'Close', () => ({})),
    };
    this.transferNumber = el('input', { id: `${id}-transfer`, inputmode: 'tel', autocomplete: 'off', maxlength: 64 });
    this.transfer = el('form', { class: 'row transfer' },
      el('label', { for: `${id}-transfer` }, 'Transfer to'), this.transferNumber,
      el('button', { type: 'submit', 'data-command': 'Transfer' }, 'Transfer'));
    this.transfer.addEventListener('submit', (e) => {
      e.preventDefault();
      send('Transfer', { cid: this.cid, phoneNumber: this.transferNumber.value.trim() });
    });
    this.keypad = el('div', { class: 'keypad', role: 'group', 'aria-label': 'DTMF keypad' },
      DTMF_KEYS.map((key) => button(key, 'SendDTMFSignal', () => ({ DTMFString: key }),
        { 'aria-label': `Send DTMF ${key}` })));
    this.granted = granted;
    this.node = el('li', { class: 'call', id, 'data-cid': String(call.cid) },
      el('div', { class: 'call-head' }, this.title, this.duration), this.facts,
      el('div', { class: 'row actions' }, Object.values(this.buttons)), this.transfer, this.keypad);
    this.update(call);
  }

  update(call) {
    this.call = call;
    const direction = call.direction === 'in' ? 'incoming' : call.direction === 'out' ? 'outgoing' : call.direction;
    this.title.textContent = call.number || 'unknown number';
    const flags = [call.hold ? 'on hold' : '', call.muted ? 'muted' : ''].filter(Boolean);
    this.facts.textContent = [direction, call.state, ...flags].filter(Boolean).join(' · ');
    this.node.dataset.state = call.state;
    this.node.classList.toggle('ringing', call.state === 'new' && call.direction === 'in');
    const live = call.state === 'connected';
    const allowed = (command, when) => when && this.granted(command);
    this.shown(this.buttons.answer, allowed('Answer', call.state === 'new' && call.direction === 'in'));
    this.shown(this.buttons.hangup, allowed('Hangup', call.state === 'new' || live));
    this.shown(this.buttons.hold, allowed('Hold', live));
    this.shown(this.buttons.mute, allowed('Mute', live));
    this.shown(this.buttons.close, allowed('Close', call.state === 'ended'));
    this.buttons.hold.textContent = call.hold ? 'Unhold' : 'Hold';
    this.buttons.hold.setAttribute('aria-pressed', String(call.hold));
    this.buttons.mute.textContent = call.muted ? 'Unmute' : 'Mute';
    this.buttons.mute.setAttribute('aria-pressed', String(call.muted));
    this.shown(this.transfer, allowed('Transfer', live));
    this.shown(this.keypad, allowed('SendDTMFSignal', live));
    this.tick(Date.now());
  }

  /** Shows the time in the current state, m:ss. */
  tick(now) {
    const seconds = Math.max(0, Math.floor((now - this.call.since) / 1000));
    this.duration.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  shown(node, visible) {
    node.hidden = !visible;
  }
}
