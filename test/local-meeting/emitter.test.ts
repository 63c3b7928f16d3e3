import { expect } from '@open-wc/testing';
import { LocalEventEmitter } from '../../src/local-meeting/emitter.js';
import { recordingLogger } from './helpers.js';

type Events = { ping: (value: number) => void; pong: () => void };

describe('local meeting: event emitter (the SDK emitter semantics)', () => {
  it('calls listeners in the order they were added, with the arguments', () => {
    const emitter = new LocalEventEmitter<Events>();
    const calls: string[] = [];
    emitter.on('ping', (value) => calls.push(`a${value}`));
    emitter.addListener('ping', (value) => calls.push(`b${value}`));
    expect(emitter.emit('ping', 1)).to.equal(true);
    expect(calls).to.deep.equal(['a1', 'b1']);
    expect(emitter.emit('pong')).to.equal(false);
  });

  it('removes a listener with off and with removeListener', () => {
    const emitter = new LocalEventEmitter<Events>();
    const calls: number[] = [];
    const listener = (value: number) => calls.push(value);
    emitter.on('ping', listener);
    emitter.off('ping', listener);
    emitter.emit('ping', 1);
    emitter.on('ping', listener);
    emitter.removeListener('ping', listener);
    emitter.emit('ping', 2);
    expect(calls).to.deep.equal([]);
    expect(emitter.listenerCount('ping')).to.equal(0);
  });

  it('calls a once listener a single time', () => {
    const emitter = new LocalEventEmitter<Events>();
    const calls: number[] = [];
    emitter.once('ping', (value) => calls.push(value));
    emitter.emit('ping', 1);
    emitter.emit('ping', 2);
    expect(calls).to.deep.equal([1]);
  });

  it('removes a once listener with off before it fires', () => {
    const emitter = new LocalEventEmitter<Events>();
    const calls: number[] = [];
    const listener = (value: number) => calls.push(value);
    emitter.once('ping', listener);
    emitter.off('ping', listener);
    emitter.emit('ping', 1);
    expect(calls).to.deep.equal([]);
  });

  it('counts listeners and lists them', () => {
    const emitter = new LocalEventEmitter<Events>();
    const a = () => {};
    const b = () => {};
    emitter.on('pong', a);
    emitter.on('pong', b);
    expect(emitter.listenerCount('pong')).to.equal(2);
    expect(emitter.listeners('pong')).to.deep.equal([a, b]);
    emitter.removeAllListeners('pong');
    expect(emitter.listenerCount('pong')).to.equal(0);
  });

  it('keeps the current emit unchanged when a listener removes another', () => {
    const emitter = new LocalEventEmitter<Events>();
    const calls: string[] = [];
    const second = () => calls.push('second');
    emitter.on('pong', () => {
      calls.push('first');
      emitter.off('pong', second);
    });
    emitter.on('pong', second);
    emitter.emit('pong');
    emitter.emit('pong');
    expect(calls).to.deep.equal(['first', 'second', 'first']);
  });

  it('calls "*" listeners first with the event name, as the SDK emitter does', () => {
    const emitter = new LocalEventEmitter<Events>();
    const calls: unknown[][] = [];
    emitter.on('ping', (value) => calls.push(['ping', value]));
    emitter.on('*', (event, ...args) => calls.push(['*', event, ...args]));
    emitter.emit('ping', 7);
    expect(calls).to.deep.equal([
      ['*', 'ping', 7],
      ['ping', 7],
    ]);
  });

  it('lets a throwing listener stop the emit and reach the caller, as Node does', () => {
    const emitter = new LocalEventEmitter<Events>();
    const calls: string[] = [];
    emitter.on('pong', () => {
      throw new Error('boom');
    });
    emitter.on('pong', () => calls.push('after'));
    expect(() => emitter.emit('pong')).to.throw('boom');
    expect(calls).to.deep.equal([]);
  });

  it('warns once when an event gets more than 25 listeners', () => {
    const log = recordingLogger();
    const emitter = new LocalEventEmitter<Events>(log);
    for (let i = 0; i < 30; i++) emitter.on('pong', () => {});
    expect(log.messages('warn')).to.have.length(1);
    expect(log.messages('warn')[0]).to.contain('26 pong listeners');
  });
});
