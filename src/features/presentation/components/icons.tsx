/** Small line icons for the show's controls (inline SVG: no icon font, nothing to load, no missing glyphs). */
type IconName =
  | 'previous'
  | 'next'
  | 'pause'
  | 'play'
  | 'settings'
  | 'fullscreen'
  | 'exitFullscreen'
  | 'exit'
  | 'warning';

const PATHS: Record<IconName, string> = {
  previous: 'M15 5 8 12l7 7',
  next: 'M9 5l7 7-7 7',
  pause: 'M8 5v14M16 5v14',
  play: 'M7 4.5v15L19.5 12Z',
  settings: 'M4 7h10M18 7h2M4 17h2M10 17h10M14 4.5v5M10 14.5v5',
  fullscreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  exitFullscreen: 'M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5',
  exit: 'M6 6l12 12M18 6 6 18',
  warning: 'M12 3.5 2.5 20h19ZM12 10v4.5M12 17.2v.3',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="p-icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill={name === 'play' ? 'currentColor' : 'none'} />
    </svg>
  );
}
