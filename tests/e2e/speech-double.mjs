// A speech-synthesis double for the read-aloud tests and the demo's screenshot: headless
// browsers here have no voice. installSpeechDouble runs in the extension's content-script world of
// a tab (drivers' contentWorld), where the reader looks up speechSynthesis and
// SpeechSynthesisUtterance; it speaks by timer, `step` ms a word, with a `boundary` event for each
// word or (boundaries: false) none at all, as voices do, and reports its state on <html> as
// data-test-speech.
export function installSpeechDouble({ boundaries, step }) {
  const state = { spoken: 0, cancels: 0, speaking: false, paused: false };
  const report = () => document.documentElement.setAttribute('data-test-speech', JSON.stringify(state));
  const queue = [];
  let current = null;
  let timer = 0;
  function run(u) {
    current = u;
    state.speaking = true;
    state.spoken += 1;
    report();
    u.onstart?.({ utterance: u, charIndex: 0 });
    const words = boundaries ? [...u.text.matchAll(/\S+/g)] : [];
    let i = 0;
    const tick = () => {
      if (current !== u) return;
      if (state.paused) {
        timer = setTimeout(tick, step);
        return;
      }
      if (i < words.length) {
        const m = words[i++];
        // charLength as Chrome gives it; Firefox gives none (0), which the reader handles too.
        u.onboundary?.({ utterance: u, name: 'word', charIndex: m.index, charLength: i % 2 ? m[0].length : 0 });
        timer = setTimeout(tick, step);
        return;
      }
      current = null;
      state.speaking = false;
      report();
      u.onend?.({ utterance: u });
      if (!current && queue.length) run(queue.shift());
    };
    timer = setTimeout(tick, boundaries ? step : step * 6);
  }
  const synth = {
    speak(u) {
      if (current) queue.push(u);
      else run(u);
    },
    cancel() {
      queue.length = 0;
      clearTimeout(timer);
      const u = current;
      current = null;
      state.speaking = false;
      state.cancels += 1;
      report();
      u?.onerror?.({ utterance: u, error: 'interrupted' });
    },
    pause() {
      state.paused = true;
      report();
    },
    resume() {
      state.paused = false;
      report();
    },
    get paused() {
      return state.paused;
    },
    get speaking() {
      return state.speaking;
    },
    getVoices: () => [],
  };
  class Utterance {
    constructor(text) {
      this.text = text;
    }
  }
  Object.defineProperty(globalThis, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  report();
  return true;
}
