// Everything the desk shows, drawn from the model and the session; user actions go out through
// the `actions` given (signIn, signOut, send). Text is only ever set as text.
import { byId, el, replace, show } from '/web/common/dom.js';
import { CallCard } from './callcard.js';
import { summary } from './calls.js';

export class DeskView {
  constructor(actions) {
    this.actions = actions;
    this.cards = new Map();
    this.granted = () => false;
    byId('sign-in-form').addEventListener('submit', (e) => {
      e.preventDefault();
      actions.signIn(byId('login').value.trim(), byId('password').value);
    });
    byId('sign-out').addEventListener('click', () => actions.signOut());
    byId('state-apply').addEventListener('click', () => actions.send('ChangeUserState', { state: byId('state-select').value }));
    byId('make-call').addEventListener('submit', (e) => {
      e.preventDefault();
      actions.send('MakeCall', { phoneNumber: byId('dial-number').value.trim() });
    });
    setInterval(() => this.cards.forEach((card) => card.tick(Date.now())), 1000);
  }

  /** The sign-in form, with `message` (why the desk was left, or why a sign-in failed) when there is one. */
  showSignIn(message) {
    this.cards.forEach((card) => card.node.remove());
    this.cards.clear();
    show(byId('desk'), false);
    show(byId('sign-out'), false);
    show(byId('phone-banner'), false);
    show(byId('link-banner'), false);
    byId('who').textContent = '';
    byId('password').value = '';
    show(byId('sign-in'), true);
    this.signInMessage(message);
    byId('login').focus();
  }

  signInMessage(message) {
    byId('sign-in-message').textContent = message || '';
  }

  /** The desk of this session: its commands decide which controls exist at all. */
  showDesk(session) {
    const commands = new Set(session.commands || []);
    this.granted = (command) => commands.has(command);
    byId('who').textContent = `Signed in as ${session.login}`;
    show(byId('sign-in'), false);
    show(byId('sign-out'), true);
    show(byId('desk'), true);
    show(byId('make-call'), this.granted('MakeCall'));
    show(byId('state-change'), this.granted('ChangeUserState'));
    replace(byId('state-select'), (session.states || []).map((s) => el('option', { value: s }, s)));
    this.commandError('');
  }

  /** Redraws what the model holds. */
  render(model) {
    const userState = model.userState;
    byId('state-now').textContent = userState
      ? [userState.state, ...userState.substates].join(' · ') + (userState.reason ? ` (${userState.reason})` : '')
      : 'unknown';
    const select = byId('state-select');
    if (userState && document.activeElement !== select && [...select.options].some((o) => o.value === userState.state)) {
      select.value = userState.state; // offered from where the agent is, unless it is choosing right now
    }
    show(byId('phone-banner'), model.phone !== null);
    byId('phone-reason').textContent = model.phone ? describe(model.phone) : '';
    this.renderCalls(model.calls);
    replace(byId('feed'), model.feed.map((event) => el('li', { 'data-cursor': event._cursor },
      el('time', { datetime: event._receivedAt }, timeOf(event._receivedAt)), ' ',
      el('strong', {}, event.name), ' ', el('span', { class: 'muted' }, summary(event)))));
  }

  renderCalls(calls) {
    for (const [key, card] of this.cards) {
      if (!calls[key]) {
        card.node.remove();
        this.cards.delete(key);
      }
    }
    for (const [key, call] of Object.entries(calls)) {
      const card = this.cards.get(key);
      if (card) {
        card.update(call);
      } else {
        const fresh = new CallCard(call, this.actions.send, this.granted);
        this.cards.set(key, fresh);
        byId('calls').append(fresh.node);
        // Announced once, not the whole list with its ticking durations (no aria-live on #calls).
        byId('call-news').textContent = `New ${call.direction === 'out' ? 'outgoing' : 'incoming'} call`
          + (call.displayName ? ` ${call.displayName}` : '');
      }
    }
    show(byId('no-calls'), this.cards.size === 0);
  }

  /** Whether the middleware answers; the banner says so while it does not. */
  connected(up) {
    show(byId('link-banner'), !up);
  }

  /** The server's reason for refusing the last command (empty: it was accepted). */
  commandError(message) {
    byId('command-error').textContent = message;
  }
}

function describe(phone) {
  if (phone.reason === 'cti-link-down') return 'the contact center cannot be reached';
  if (phone.reason === 'attach-refused') return `the contact center refused it${phone.description ? ` (${phone.description})` : ''}`;
  return phone.description || phone.reason;
}

function timeOf(instant) {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleTimeString();
}
