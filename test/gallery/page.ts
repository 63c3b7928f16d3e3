/** The gallery page: `?state=history&theme=dark` shows one state, for `npm run screenshots`. */
import { STATES } from './states.js';

const params = new URLSearchParams(location.search);
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
const state = STATES.find((candidate) => candidate.name === params.get('state')) ?? STATES[0];
document.documentElement.style.colorScheme = theme;
document.body.style.background = theme === 'dark' ? '#0b0d10' : '#e9ecf1';
// The list of states, for the screenshot script to read.
document.body.dataset.states = JSON.stringify(STATES.map(({ name, title }) => ({ name, title })));
const root = document.getElementById('root')!;
await state.show(root, theme);
document.body.dataset.ready = 'true';
