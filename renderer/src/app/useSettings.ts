import { useCallback, useEffect, useRef } from 'react';
import { type Api, type Settings, type SettingsChanges, ZOOM_RANGE } from '../../../shared/api';

/** The zoom steps of Ctrl/Cmd+= and Ctrl/Cmd+-. */
const ZOOM_STEP = 0.1;

/** Settings as the app uses them: applied to the page, changed through the API. */
export interface SettingsControl {
  update(changes: SettingsChanges): void;
  /** Larger (1), smaller (-1) or normal (0) text. */
  zoom(step: 1 | -1 | 0): void;
}

/**
 * Applies the theme, text size and reading width to the page (as attributes and custom
 * properties the stylesheet reads) and saves changes. The page changes at once; the saved
 * settings come back from the store and replace the optimistic ones.
 */
export function useSettings(
  api: Api,
  settings: Settings | null,
  setSettings: (settings: Settings) => void,
  onError: (error: unknown) => void,
): SettingsControl {
  const current = useRef(settings);
  current.current = settings;

  useEffect(() => {
    if (!settings) return;
    const root = document.documentElement;
    if (settings.theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', settings.theme);
    root.setAttribute('data-reading-width', settings.readingWidth);
    root.style.setProperty('--reading-zoom', String(settings.zoom));
  }, [settings]);

  const update = useCallback(
    (changes: SettingsChanges) => {
      if (!current.current) return;
      setSettings({ ...current.current, ...changes });
      api.settings.update(changes).then(setSettings, onError);
    },
    [api, setSettings, onError],
  );

  const zoom = useCallback(
    (step: 1 | -1 | 0) => {
      const zoomNow = current.current?.zoom ?? 1;
      const next = step === 0 ? 1 : Math.round((zoomNow + step * ZOOM_STEP) * 10) / 10;
      update({ zoom: Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, next)) });
    },
    [update],
  );

  return { update, zoom };
}
