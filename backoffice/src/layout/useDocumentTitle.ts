import { useEffect } from 'react';
import { appTitle } from '../config';

/**
 * Each browser tab is titled by its page: the app bar's title (react-admin's <Title> writes it into
 * #react-admin-title), then the app's name, kept in step as pages change their title.
 */
export const useDocumentTitle = () => {
  useEffect(() => {
    const update = () => {
      const text = document.getElementById('react-admin-title')?.textContent?.trim();
      const next = text ? `${text} · ${appTitle}` : appTitle;
      if (document.title !== next) document.title = next;
    };
    const observer = new MutationObserver(update);
    const attach = () => {
      const target = document.getElementById('react-admin-title');
      if (!target) return false;
      observer.observe(target, { childList: true, subtree: true, characterData: true });
      update();
      return true;
    };
    // The title element appears with the app bar, a moment after the layout mounts.
    const timer = attach() ? undefined : window.setInterval(() => attach() && window.clearInterval(timer), 100);
    return () => {
      observer.disconnect();
      if (timer) window.clearInterval(timer);
    };
  }, []);
};
