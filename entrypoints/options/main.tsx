import { render } from 'preact';
import { Options } from '@/components/Options';
import '@/components/fluent.css';
import { uiLang } from '@/utils/i18n';

document.documentElement.lang = uiLang();

render(<Options />, document.getElementById('app')!);
