//! The webview as a desk needs it: the spellchecker switched on for the writing surface, and
//! a page painted without what browsing needs (accelerated compositing, caches for other pages).
//!
//! The editor asks for spellchecking (`spellcheck="true"` and the article's `lang` on its
//! content), but WebKitGTK ignores that unless its web context enables checking and names
//! the dictionaries to use. Languages whose dictionaries are not installed are skipped by
//! WebKit. Other platforms' webviews check spelling on their own.

/// Dictionaries for the desk's languages, in the spellchecker's (enchant's) naming.
#[cfg(target_os = "linux")]
const DICTIONARIES: &[&str] = &["en_US", "en_GB", "es_ES", "es_MX"];

pub fn spellcheck(window: &tauri::WebviewWindow) {
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

/// How the webview draws. A desk is text and a few photos in panes that scroll: WebKit's
/// accelerated compositing (a GL layer tree, Mesa's software GL where there is no GPU driver,
/// as under Xvfb or a remote desktop) cost the desk's window 200 MB more memory and seconds of
/// start-up and frames while typing (issue 15's measurements: docs/PERFORMANCE.md), for no
/// effect a writing tool needs. So it paints without it, unless `DATELINE_GPU=1` asks for the
/// GPU. And a desk is one page that never navigates, so WebKit's caches for browsing (earlier
/// pages kept for Back, decoded resources kept for other pages) are off too.
pub fn lighten(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let gpu = std::env::var_os("DATELINE_GPU").is_some_and(|v| v == "1");
        let done = window.with_webview(move |webview| {
            let view = webview.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
            if !gpu {
                if let Some(settings) = view.settings() {
                    settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                }
            }
        });
        if let Err(e) = done {
            eprintln!("dateline-app: the webview's drawing could not be set: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
