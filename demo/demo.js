// The demo: participants of one local room side by side, each with a chat, a pinned list and an
// export button. `?solo` joins the same room from another tab as a new participant. Served by
// Vite (`npm start`) from the sources, so an edit under src/ shows at once.
import '../src/index.ts';
import { createLocalMeeting } from '../src/local-meeting/index.ts';

const room = 'rtk-demo';
const solo = new URLSearchParams(location.search).has('solo');
const stage = document.querySelector('#stage');
const themePicker = document.querySelector('#theme');

const people = solo
  ? [{ name: `Guest ${Math.floor(Math.random() * 900 + 100)}`, host: false, seed: 0 }]
  : [
      { name: 'Alice Moreau', host: true, seed: 240 },
      { name: 'Bob Okafor', host: false, seed: 0 },
    ];

for (const person of people) {
  const userId = `user-${person.name.toLowerCase().replace(/\W+/g, '-')}`;
  const meeting = createLocalMeeting({
    room,
    meetingId: 'demo-meeting',
    sessionId: 'demo-session',
    self: { name: person.name, userId },
    seed: person.seed,
    permissions: person.host
      ? undefined
      : {
          chatPublic: { canSend: true, text: true, files: true },
          chatPrivate: { canSend: true, canReceive: true, text: true, files: true },
          pinParticipant: false,
        },
  });
  const column = document.createElement('section');
  column.className = 'participant';
  column.innerHTML = `
    <h2></h2>
    <rtk-meeting-provider>
      <rtk-chat><rtk-chat-export-button slot="header-actions"></rtk-chat-export-button></rtk-chat>
    </rtk-meeting-provider>
    <aside><rtk-pinned-messages></rtk-pinned-messages></aside>`;
  column.querySelector('h2').textContent = `${person.name}${person.host ? ' · host' : ''}`;
  column.querySelector('rtk-meeting-provider').meeting = meeting;
  column.querySelector('rtk-pinned-messages').meeting = meeting;
  stage.append(column);
  // The host is in the room first; the others join it and receive its history, as people do.
  if (person.host) await meeting.join();
}

themePicker.addEventListener('change', () => {
  const theme = themePicker.value;
  document.documentElement.dataset.theme = theme;
  for (const element of document.querySelectorAll('rtk-chat, rtk-pinned-messages, rtk-chat-export-button')) {
    if (theme) element.setAttribute('theme', theme);
    else element.removeAttribute('theme');
  }
});
