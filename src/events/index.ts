export * from './chat-export.js';
export * from './message-delete.js';
export * from './message-edited.js';
export * from './message-error.js';
export * from './message-pin.js';
export * from './message-select.js';
export * from './message-sent.js';
