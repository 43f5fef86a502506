import { useCallback, useEffect, useState } from 'react';

export type FullscreenFailure = 'unsupported' | 'refused';

/**
 * The Fullscreen API for the whole page. Browsers only grant it on a user gesture (a click or a key press), so it
 * is entered from a button or the F key; when the browser refuses or lacks it, `failure` says why so the show can
 * tell the operator to use F11.
 */
export function useFullscreen() {
  const [active, setActive] = useState(() => typeof document !== 'undefined' && Boolean(document.fullscreenElement));
  const [failure, setFailure] = useState<FullscreenFailure | null>(null);

  useEffect(() => {
    const onChange = () => setActive(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const enter = useCallback(async () => {
    const root = document.documentElement;
    if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') {
      setFailure('unsupported');
      return;
    }
    try {
      await root.requestFullscreen();
      setFailure(null);
    } catch {
      setFailure('refused');
    }
  }, []);

  const exit = useCallback(async () => {
    if (!document.fullscreenElement || typeof document.exitFullscreen !== 'function') return;
    try {
      await document.exitFullscreen();
    } catch {
      // Already left (e.g. by the browser's own Escape handling).
    }
  }, []);

  const toggle = useCallback(() => (document.fullscreenElement ? exit() : enter()), [enter, exit]);
  const dismiss = useCallback(() => setFailure(null), []);

  return { active, failure, enter, exit, toggle, dismiss };
}
