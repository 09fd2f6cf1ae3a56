let context: AudioContext | null = null;

/** Browsers only play sound after a user gesture: call this from a click to unlock it. */
export function unlockSound(): boolean {
  try {
    context ??= new AudioContext();
    void context.resume();
    return true;
  } catch {
    return false;
  }
}

/** A new kitchen ticket: a short rising two-tone chime. */
export const TICKET_TONES = [880, 1320];
/** A table calling or asking for the bill: three tones, so it is not mistaken for a new ticket. */
export const CALL_TONES = [1320, 990, 1320];

/** A short chime of `tones` (Hz), once the sound was unlocked. */
export function chime(tones: readonly number[] = TICKET_TONES): void {
  if (!context || context.state !== 'running') return;
  const now = context.currentTime;
  tones.forEach((freq, i) => {
    const osc = context!.createOscillator();
    const gain = context!.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, now + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.3, now + i * 0.18 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.18 + 0.16);
    osc.connect(gain).connect(context!.destination);
    osc.start(now + i * 0.18);
    osc.stop(now + i * 0.18 + 0.17);
  });
}
