// Automatic cleaning: registered for every page only when the user switched it on in the options
// and granted the optional host permission; runs at document_start. The bundle holds the whole
// content script (content.js), so a toolbar click later finds it in place.
import { autoClean } from './content.js';

autoClean().catch((e) => console.warn('declutter:', e));
