import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles.css';

async function boot() {
  // Without VITE_API_URL the app runs on the embedded mock API. The condition is a build-time constant,
  // so a build for a real API drops this import and ships no mock code.
  if (!import.meta.env.VITE_API_URL) {
    const { startMockApi } = await import('../mocks/browser');
    await startMockApi();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  console.error(error);
  const root = document.getElementById('root');
  if (root) {
    root.innerHTML = '';
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.className = 'boot-error';
    p.textContent =
      'Không khởi động được ứng dụng (trình duyệt chặn service worker hoặc thiếu tệp). Hãy tải lại trang. — The app could not start; please reload.';
    root.append(p);
  }
});
