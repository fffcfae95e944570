import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadErrorCatalog } from '../api/errors';
import { ALL_AREAS, loadAreas } from '../i18n/areas';

// What the app loads with a page or an error, loaded before the tests render anything.
await Promise.all([loadAreas(ALL_AREAS), loadErrorCatalog('id'), loadErrorCatalog('en')]);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
