import { useEffect, useRef, useState } from 'react';
import { chime, unlockSound } from './sound';

/**
 * A screen's chime: it rings `tones` whenever `count` grows, unless this screen turned the sound off
 * (remembered under `<prefix>.sound`). Browsers let a page play sound only after a user gesture, so the
 * first click or key of each visit unlocks it; the "tap once" hint (`needsTap`) shows until this screen's
 * first tap ever (remembered under `<prefix>.soundHint`): its crew knows it after that.
 */
export function useChime(prefix: string, count: number, tones: readonly number[]) {
  const soundKey = `${prefix}.sound`;
  const hintKey = `${prefix}.soundHint`;
  const [soundOn, setSoundOn] = useState(() => localStorage.getItem(soundKey) !== 'off');
  const [unlocked, setUnlocked] = useState(false);
  const [hintSeen, setHintSeen] = useState(() => localStorage.getItem(hintKey) === 'seen');
  const rung = useRef(0);

  useEffect(() => {
    localStorage.setItem(soundKey, soundOn ? 'on' : 'off');
    if (!soundOn || unlocked) return undefined;
    const unlock = () => {
      setUnlocked(unlockSound());
      localStorage.setItem(hintKey, 'seen');
      setHintSeen(true);
    };
    // on click, not pointerdown: the hint disappearing mid-tap would move the button under the finger
    window.addEventListener('click', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('click', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [soundOn, unlocked, soundKey, hintKey]);

  useEffect(() => {
    if (count > rung.current && soundOn) chime(tones);
    rung.current = count;
  }, [count, soundOn, tones]);

  return { soundOn, toggle: () => setSoundOn((on) => !on), needsTap: soundOn && !unlocked && !hintSeen };
}
