/**
 * Runs the extractor off the main thread, so a long article never freezes the page. One request at a time:
 * `{ id, text, articleDate }` → `{ id, ok: true, directives }` or `{ id, ok: false, message }`.
 */
import { runExtraction } from '../utils/extraction-job';

interface Request {
  id: number;
  text: string;
  articleDate?: string;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, text, articleDate } = event.data;
  try {
    const directives = runExtraction(text, articleDate);
    self.postMessage({ id, ok: true, directives });
  } catch (error) {
    self.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
