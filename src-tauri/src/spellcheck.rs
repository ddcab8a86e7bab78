//! The webview's spellchecker, switched on for the writing surface.
//!
//! The editor asks for spellchecking (`spellcheck="true"` and the article's `lang` on its
//! content), but WebKitGTK ignores that unless its web context enables checking and names
//! the dictionaries to use. Languages whose dictionaries are not installed are skipped by
//! WebKit. Other platforms' webviews check spelling on their own.

/// Dictionaries for the desk's languages, in the spellchecker's (enchant's) naming.
#[cfg(target_os = "linux")]
const DICTIONARIES: &[&str] = &["en_US", "en_GB", "es_ES", "es_MX"];

pub fn enable(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{WebContextExt, WebViewExt};
        let done = window.with_webview(|webview| {
            if let Some(context) = webview.inner().context() {
                context.set_spell_checking_languages(DICTIONARIES);
                context.set_spell_checking_enabled(true);
            }
        });
        // Without a spellchecker the desk still works; say why underlines are missing.
        if let Err(e) = done {
            eprintln!("dateline-app: the spellchecker could not be switched on: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
