import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/components/fluent.css';
import { uiLang } from '@/utils/i18n';

document.documentElement.lang = uiLang();

render(<Popup />, document.getElementById('app')!);
