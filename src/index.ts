/** The kit: registers `<rtk-chat>` and the other elements, and exports everything. */
import { defineChatElements } from './define.js';

defineChatElements();

export * from './elements.js';
