/** A chart card as a PNG for a slide deck (html-to-image, loaded on first use). */
import { downloadBlob } from './download';

/** Elements carrying this class are left out of the picture (so are buttons). */
export const NO_EXPORT_CLASS = 'no-export';

export async function downloadPng(node: HTMLElement, fileName: string): Promise<void> {
  const { toBlob } = await import('html-to-image');
  const blob = await toBlob(node, {
    pixelRatio: 2,
    backgroundColor: '#ffffff',
    cacheBust: true,
    filter: (n) => !(n instanceof HTMLElement && (n.tagName === 'BUTTON' || n.classList.contains(NO_EXPORT_CLASS))),
  });
  if (!blob) throw new Error('The chart could not be drawn to an image.');
  downloadBlob(blob, fileName);
}
