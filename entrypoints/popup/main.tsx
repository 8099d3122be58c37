import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/components/fluent.css';
import { uiLang } from '@/utils/i18n';
import { cachedStatus } from '@/utils/storage';

document.documentElement.lang = uiLang();

// The cached status is read before the first render, so the popup's first frame shows it: no
// placeholder, no effect → storage → re-render round trip. The worker's fresh status follows.
void cachedStatus
  .get()
  .catch(() => null)
  .then((cached) => render(<Popup initialStatus={cached} />, document.getElementById('app')!));
