import { render } from 'preact';
import { Options } from '@/components/Options';
import '@/components/fluent.css';

render(<Options />, document.getElementById('app')!);
