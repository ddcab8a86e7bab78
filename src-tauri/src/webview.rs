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

/// How the webview draws. WebKit's accelerated compositing (a GL layer tree; Mesa's software
/// GL where there is no GPU driver, as under Xvfb or a remote desktop) cost the desk's window
/// 200 MB more memory and a slower start in issue 15's measurements (docs/PERFORMANCE.md).
/// `DATELINE_GPU=0` paints without it. It is not the default yet: without it the window's main
/// thread, which then paints, answered the page's calls later, the preview lagged more while
/// typing, and a newsroom end-to-end test (a change arriving while typing) failed under load.
/// A desk is one page that never navigates, so WebKit's caches for browsing (earlier pages
/// kept for Back, decoded resources kept for other pages) are off either way.
pub fn lighten(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let gpu = std::env::var_os("DATELINE_GPU").is_none_or(|v| v != "0");
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
