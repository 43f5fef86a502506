import { useEffect, useState } from 'react';

export type WakeLockState = 'unsupported' | 'pending' | 'active' | 'released' | 'refused';

/**
 * Keeps the screen awake with the Screen Wake Lock API where the browser has it. The browser drops the lock when
 * the page is hidden, so it is requested again whenever the page becomes visible. Where unsupported or refused,
 * nothing happens (the state is exposed only for diagnostics).
 */
export function useWakeLock(enabled: boolean): WakeLockState {
  const [state, setState] = useState<WakeLockState>('pending');

  useEffect(() => {
    if (!enabled) return;
    const api = typeof navigator !== 'undefined' && 'wakeLock' in navigator ? navigator.wakeLock : undefined;
    if (!api || typeof api.request !== 'function') {
      setState('unsupported');
      return;
    }
    let sentinel: WakeLockSentinel | null = null;
    let disposed = false;
    const acquire = async () => {
      if (disposed || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const lock = await api.request('screen');
        if (disposed) {
          void lock.release().catch(() => undefined);
          return;
        }
        sentinel = lock;
        setState('active');
        lock.addEventListener('release', () => {
          if (!disposed) setState('released');
        });
      } catch {
        // Refused (no user activation yet, battery saver, permissions policy): skipped silently.
        if (!disposed) setState('refused');
      }
    };
    void acquire();
    const onVisibility = () => void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    // Some browsers refuse before the first user gesture: try again on the first interaction.
    window.addEventListener('pointerdown', onVisibility);
    window.addEventListener('keydown', onVisibility);
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pointerdown', onVisibility);
      window.removeEventListener('keydown', onVisibility);
      if (sentinel && !sentinel.released) void sentinel.release().catch(() => undefined);
    };
  }, [enabled]);

  return state;
}
