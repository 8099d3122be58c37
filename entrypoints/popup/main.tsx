import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/components/fluent.css';

render(<Popup />, document.getElementById('app')!);
