/**
 * A short, quiet tone made with Web Audio: no sound file, so nothing is fetched from any host.
 * One note for new messages, two rising notes for a mention.
 */

/** One context for the page: browsers limit how many may exist. */
let context: AudioContext | undefined;

/** Plays the cue. Where audio is unavailable or not allowed yet (no user gesture), nothing plays. */
export function playCue(mention: boolean): void {
  const Context = globalThis.AudioContext;
  if (typeof Context !== 'function') return;
  try {
    context ??= new Context();
    // Autoplay rules start a context suspended until the user has interacted with the page.
    if (context.state === 'suspended') void context.resume().catch(() => {});
    const start = context.currentTime;
    const notes = mention ? [660, 880] : [740];
    notes.forEach((frequency, index) => tone(context!, frequency, start + index * 0.12));
  } catch {
    // A cue is a nicety: failing to make one must not break the toggle.
  }
}

function tone(audio: AudioContext, frequency: number, at: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  // A soft attack and decay: no click at either end, and quiet.
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.08, at + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + 0.22);
}
