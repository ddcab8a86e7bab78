//! The webview as a desk needs it: the spellchecker switched on for the writing surface, and
//! a page painted without what browsing needs (accelerated compositing, caches for other pages).
//!
//! The editor asks for spellchecking (`spellcheck="true"` and the article's `lang` on its
//! content), but WebKitGTK ignores that unless its web context enables checking and names
//! the dictionaries to use. Languages whose dictionaries are not installed are skipped by
//! WebKit. Other platforms' webviews check spelling on their own.

/// Dictionaries for the desk's languages, in the spellchecker's (enchant's) naming. Each one
/// loaded costs the window's process ~8 MB (measured through libenchant: 16.6 MB before any,
/// 25.5 with `en_US`, 41.0 with `es_ES` too), so one per language: Debian's `es_MX` is
/// `es_ES` under another name (a symlink in hunspell-es), and `en_GB`, which the package does
/// not recommend, loaded a second English as large as the first (issue 15's idle memory).
#[cfg(target_os = "linux")]
const DICTIONARIES: &[&str] = &["en_US", "es_ES"];

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

/// Where WebKit paints the page's tiles: on the CPU (Skia's raster backend), with the layers
/// still composed by the compositor, unless `DATELINE_GPU=1` asks for Skia's GL backend (or
/// the person set `WEBKIT_SKIA_ENABLE_CPU_RENDERING` themselves). WebKitGTK 2.50 paints with GL
/// by default, which where there is no GPU driver (Xvfb, remote desktops, many VMs) is Mesa's
/// software GL: measured side by side in the real window (issue 15, docs/PERFORMANCE.md
/// "Painting on the CPU"), CPU painting brought the library's first frame from 3–4 s to 1.7 s
/// after exec, the keystroke-to-preview p95 from 389 to 224 ms and the idle memory from 432 to
/// 350 MB. Must run first thing in `main`, before any thread exists (it sets the process's
/// environment, which the web process inherits).
pub fn prefer_cpu_painting() {
    #[cfg(target_os = "linux")]
    {
        let asked_gpu = std::env::var_os("DATELINE_GPU").is_some_and(|v| v == "1");
        if !asked_gpu && std::env::var_os("WEBKIT_SKIA_ENABLE_CPU_RENDERING").is_none() {
            std::env::set_var("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1");
        }
    }
}

/// How the webview draws. WebKit's accelerated compositing (a GL layer tree; Mesa's software
/// GL where there is no GPU driver, as under Xvfb or a remote desktop) cost the desk's window
/// 200 MB more memory and a slower start in issue 15's measurements (docs/PERFORMANCE.md).
/// `DATELINE_GPU=0` paints without it. It is not the default: without it the window's main
/// thread, which then paints, answers the page's calls later and a frame while typing costs
/// 72 ms instead of 58 (issue 15's profile). (The newsroom end-to-end test that failed in that
/// mode found a real race in the window's saves, since fixed in `story.svelte.ts`.)
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

/// The session's language as POSIX programs choose it — the first of `LC_ALL`, `LC_MESSAGES`
/// and `LANG` that is set — as a language tag ("es_MX.UTF-8" → "es-MX"). `None` for the C
/// locale or none. WebKit's `navigator.languages` says "en-US" when the session's locale is
/// not generated on the machine, though the person chose Spanish.
fn system_locale() -> Option<String> {
    let v = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())?;
    let tag = v.split(['.', '@']).next()?.replace('_', "-");
    let ok = !tag.is_empty()
        && tag != "C"
        && tag != "POSIX"
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(tag)
}

/// Tells the page the session's language before its first script runs
/// (`window.__datelineSystemLocale`), for "Automatic (system)" in Settings.
pub fn locale_plugin<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    // Only letters, digits and hyphens (`system_locale` checks): safe inside quotes.
    let tag = system_locale().unwrap_or_default();
    let script =
        format!("Object.defineProperty(window, '__datelineSystemLocale', {{ value: '{tag}' }});");
    tauri::plugin::Builder::new("dateline-locale")
        .js_init_script(script)
        .build()
}
