// The window's words: `t(id, args)`, the language store and Intl formatting in its language.
export { formatDate, formatNumber, t, ui, type Args } from "./i18n.svelte";
export { UI_LANGUAGES, type UiLanguage, type UiLanguageChoice } from "./locale";
