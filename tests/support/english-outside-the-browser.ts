import { en } from '../../utils/i18n/en';
import { answerOutsideTheBrowserWith } from '../../utils/i18n';

// Unit tests and the Node side of the bench run product code without the browser's i18n API:
// English answers there, as the browser's default_locale would.
answerOutsideTheBrowserWith(en);
