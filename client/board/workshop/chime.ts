let context: AudioContext | null = null;

/**
 * A soft two-note chime (sine waves with a slow fade) for the end of the timer, via WebAudio:
 * no file to load, no alert(). Browsers only let a page play sound after a user gesture; if
 * that has not happened the chime is silent and the visual pulse alone marks zero.
 */
export function playChime(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime + 0.02;
    [659.25, 880].forEach((frequency, i) => {
      const osc = context!.createOscillator();
      const gain = context!.createGain();
      const at = start + i * 0.28;
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.12, at + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.4);
      osc.connect(gain).connect(context!.destination);
      osc.start(at);
      osc.stop(at + 1.5);
    });
  } catch {
    // No audio device or API: the pulse still shows.
  }
}
