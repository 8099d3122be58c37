import { useSwitches } from '../hooks';
import { HomeAlt } from './home/HomeAlt';
import { HomeBare } from './home/HomeBare';
import { HomeDefault } from './home/HomeDefault';

/** Home (/homepage and /), in the markup the `markup` switch asks for. */
export function HomePage() {
  const { markup } = useSwitches();
  if (markup === 'bare') return <HomeBare />;
  if (markup === 'alt') return <HomeAlt />;
  return <HomeDefault />;
}
