//! Where a cold start's time goes, for the measurement (`tests/e2e/tests/latency.rs`,
//! `scripts/measure.sh`): with `DATELINE_TIMELINE=DIR`, each mark of the app's own start is
//! appended to `DIR/timeline-<pid>.txt` as `<name> <unix time in ms>`, the clock the page's
//! `performance.timeOrigin` and the process's exec time are read in. Without it, nothing.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

/// Notes that the start reached `name` now.
pub fn mark(name: &str) {
    let Some(dir) = std::env::var_os("DATELINE_TIMELINE") else {
        return;
    };
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let path = std::path::Path::new(&dir).join(format!("timeline-{}.txt", std::process::id()));
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{name} {ms:.1}");
    }
}
